/// `REQ`: a call of a remote action. The callee answers with a `RES` carrying the same `id`.
public struct RequestPacket: Sendable, Hashable {
    public var sender: String
    /// The context id; the response echoes it.
    public var id: String
    /// The full action name (`v2.posts.list`).
    public var action: String
    public var params: JSON
    public var meta: [String: JSON]
    /// The timeout as sent: milliseconds for Moleculer.js and Quark, seconds for MoleculerPy;
    /// 0 means none.
    public var timeout: Double
    /// The call depth; a root call is 1.
    public var level: Int
    public var tracing: Bool?
    public var parentID: String?
    public var requestID: String?
    /// The full name of the calling service, if any.
    public var caller: String?
    public var stream: Bool

    public init(
        sender: String, id: String, action: String, params: JSON = .null, meta: [String: JSON] = [:],
        timeout: Double = 0, level: Int = 1, tracing: Bool? = nil, parentID: String? = nil,
        requestID: String? = nil, caller: String? = nil, stream: Bool = false
    ) {
        self.sender = sender
        self.id = id
        self.action = action
        self.params = params
        self.meta = meta
        self.timeout = timeout
        self.level = level
        self.tracing = tracing
        self.parentID = parentID
        self.requestID = requestID
        self.caller = caller
        self.stream = stream
    }

    /// Decodes a `REQ` payload. Missing or `null` fields take their defaults; `ver` and `sender`
    /// are the serializer's to check.
    public init(json: JSON) throws(BrokerError) {
        try self.init(fields: try PacketFields(json, in: "REQ"))
    }

    init(fields: PacketFields) throws(BrokerError) {
        self.init(
            sender: try fields.string("sender") ?? "",
            id: try fields.string("id") ?? "",
            action: try fields.string("action") ?? "",
            params: fields.value("params") ?? .null,
            meta: try fields.object("meta") ?? [:],
            timeout: try fields.double("timeout") ?? 0,
            level: try fields.int("level") ?? 1,
            tracing: try fields.bool("tracing"),
            parentID: try fields.string("parentID"),
            requestID: try fields.string("requestID"),
            caller: try fields.string("caller"),
            stream: try fields.bool("stream") ?? false)
    }

    /// The payload without `ver` and `sender`.
    public var json: JSON {
        [
            "id": .string(id),
            "action": .string(action),
            "params": params,
            "meta": .object(meta),
            "timeout": .double(timeout),
            "level": .int(level),
            "tracing": tracing.map(JSON.bool) ?? .null,
            "parentID": parentID.map(JSON.string) ?? .null,
            "requestID": requestID.map(JSON.string) ?? .null,
            "caller": caller.map(JSON.string) ?? .null,
            "stream": .bool(stream),
        ]
    }
}
