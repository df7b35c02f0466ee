/// An action as listed in a service of an `INFO` packet.
public struct ActionInfo: Sendable, Hashable {
    /// The full action name (`v2.posts.list`).
    public var name: String
    /// The action's name within its service (`list`).
    public var rawName: String
    /// The parameter validation schema, as sent.
    public var params: JSON?
    /// The action's own timeout in milliseconds.
    public var timeout: Double?
    /// `published`, `public`, `protected` or `private`.
    public var visibility: String?
    /// Every other member (`cache`, `rest`, `tracing`, ...), kept so re-encoding loses nothing.
    public var extra: [String: JSON]

    public init(
        name: String, rawName: String, params: JSON? = nil, timeout: Double? = nil, visibility: String? = nil,
        extra: [String: JSON] = [:]
    ) {
        self.name = name
        self.rawName = rawName
        self.params = params
        self.timeout = timeout
        self.visibility = visibility
        self.extra = extra
    }

    /// Decodes an action object. A missing `name` defaults to `key` (the action's key in its
    /// service's `actions`), a missing `rawName` to the last dotted segment of the name.
    public init(json: JSON, key: String = "") throws(BrokerError) {
        let fields = try PacketFields(json, in: "INFO action")
        let name = try fields.string("name") ?? key
        self.init(
            name: name,
            rawName: try fields.string("rawName") ?? String(name.split(separator: ".").last ?? ""),
            params: fields.value("params"),
            timeout: try fields.double("timeout"),
            visibility: try fields.string("visibility"),
            extra: fields.all.filter { !Self.knownKeys.contains($0.key) })
    }

    private static let knownKeys: Set<String> = ["name", "rawName", "params", "timeout", "visibility"]

    /// The action object: `extra` plus the known members; absent ones are omitted.
    public var json: JSON {
        var object = extra
        object["name"] = .string(name)
        object["rawName"] = .string(rawName)
        object["params"] = params
        object["timeout"] = timeout.map(JSON.double)
        object["visibility"] = visibility.map(JSON.string)
        return .object(object)
    }
}
