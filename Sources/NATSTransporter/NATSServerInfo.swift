import Broker

/// The fields of a server's INFO that the client uses.
struct NATSServerInfo: Sendable, Equatable {
    var serverID = ""
    var version = ""
    var maxPayload = 1 << 20
    var authRequired = false
    /// Other servers of the cluster, `host:port`, as the server advertises them.
    var connectURLs: [String] = []

    init() {}

    init(json bytes: [UInt8]) throws(BrokerError) {
        let json = try JSONParser.parse(bytes)
        serverID = json["server_id"]?.stringValue ?? ""
        version = json["version"]?.stringValue ?? ""
        if let max = json["max_payload"]?.intValue, max > 0 { maxPayload = max }
        authRequired = json["auth_required"]?.boolValue ?? false
        connectURLs = json["connect_urls"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
