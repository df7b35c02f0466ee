/// `RES`: the answer to a `REQ`, with its `id`: either `data` (success) or an `error`.
public struct ResponsePacket: Sendable, Hashable {
    public var sender: String
    /// The id of the request answered.
    public var id: String
    public var success: Bool
    /// The result on success; `null` when absent.
    public var data: JSON
    /// The failure, rebuilt from the Moleculer error object.
    public var error: BrokerError?
    /// The callee's final meta; the caller merges it into its own.
    public var meta: [String: JSON]

    public init(
        sender: String, id: String, success: Bool, data: JSON = .null, error: BrokerError? = nil,
        meta: [String: JSON] = [:]
    ) {
        self.sender = sender
        self.id = id
        self.success = success
        self.data = data
        self.error = error
        self.meta = meta
    }

    /// Decodes a `RES` payload. A missing `success` means success exactly when there is no
    /// `error`. The error object itself is read liberally (see `BrokerError.init(wire:)`), so a
    /// failed call is always reported to the caller, even by a sloppy peer.
    public init(json: JSON) throws(BrokerError) {
        try self.init(fields: try PacketFields(json, in: "RES"))
    }

    init(fields: PacketFields) throws(BrokerError) {
        let error = fields.value("error").map(BrokerError.init(wire:))
        self.init(
            sender: try fields.string("sender") ?? "",
            id: try fields.string("id") ?? "",
            success: try fields.bool("success") ?? (error == nil),
            data: fields.value("data") ?? .null,
            error: error,
            meta: try fields.object("meta") ?? [:])
    }

    /// The payload without `ver` and `sender`; `error` only when there is one.
    public var json: JSON {
        var payload: JSON = ["id": .string(id), "success": .bool(success), "data": data, "meta": .object(meta)]
        if let error { payload["error"] = error.wire }
        return payload
    }
}
