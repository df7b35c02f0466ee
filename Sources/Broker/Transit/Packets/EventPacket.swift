/// `EVENT`: an event delivered to a node, for the listed groups or for every handler.
public struct EventPacket: Sendable, Hashable {
    public var sender: String
    /// The context id.
    public var id: String
    /// The event name (`user.created`).
    public var event: String
    public var data: JSON
    /// The groups to deliver to; `nil` means every group on the receiving node.
    public var groups: [String]?
    /// `true` for a broadcast: every handler on the node receives it.
    public var broadcast: Bool
    public var meta: [String: JSON]
    /// The context depth; a root emit is 1.
    public var level: Int
    public var tracing: Bool?
    public var parentID: String?
    public var requestID: String?
    /// The full name of the emitting service, if any.
    public var caller: String?
    public var needAck: Bool?

    public init(
        sender: String, id: String, event: String, data: JSON = .null, groups: [String]? = nil,
        broadcast: Bool = false, meta: [String: JSON] = [:], level: Int = 1, tracing: Bool? = nil,
        parentID: String? = nil, requestID: String? = nil, caller: String? = nil, needAck: Bool? = nil
    ) {
        self.sender = sender
        self.id = id
        self.event = event
        self.data = data
        self.groups = groups
        self.broadcast = broadcast
        self.meta = meta
        self.level = level
        self.tracing = tracing
        self.parentID = parentID
        self.requestID = requestID
        self.caller = caller
        self.needAck = needAck
    }

    /// Decodes an `EVENT` payload. Missing or `null` fields take their defaults; `ver` and
    /// `sender` are the serializer's to check.
    public init(json: JSON) throws(BrokerError) {
        try self.init(fields: try PacketFields(json, in: "EVENT"))
    }

    init(fields: PacketFields) throws(BrokerError) {
        self.init(
            sender: try fields.string("sender") ?? "",
            id: try fields.string("id") ?? "",
            event: try fields.string("event") ?? "",
            data: fields.value("data") ?? .null,
            groups: try fields.strings("groups"),
            broadcast: try fields.bool("broadcast") ?? false,
            meta: try fields.object("meta") ?? [:],
            level: try fields.int("level") ?? 1,
            tracing: try fields.bool("tracing"),
            parentID: try fields.string("parentID"),
            requestID: try fields.string("requestID"),
            caller: try fields.string("caller"),
            needAck: try fields.bool("needAck"))
    }

    /// The payload without `ver` and `sender`.
    public var json: JSON {
        [
            "id": .string(id),
            "event": .string(event),
            "data": data,
            "groups": groups.map { .array($0.map(JSON.string)) } ?? .null,
            "broadcast": .bool(broadcast),
            "meta": .object(meta),
            "level": .int(level),
            "tracing": tracing.map(JSON.bool) ?? .null,
            "parentID": parentID.map(JSON.string) ?? .null,
            "requestID": requestID.map(JSON.string) ?? .null,
            "caller": caller.map(JSON.string) ?? .null,
            "needAck": needAck.map(JSON.bool) ?? .null,
        ]
    }
}
