/// The Moleculer wire form of an error, as carried in the `error` field of a `RES` packet:
/// `{name, message, nodeID, code, type, retryable, stack, data}`. `cause` is not sent.
extension BrokerError {
    /// Rebuilds an error received from a peer, liberally: it never fails.
    ///
    /// The kind comes from `name`: a standard Moleculer name gives the matching `Code` static,
    /// any other (Python's `ValueError`, JavaScript's `TypeError`) is kept as `Code(name)`.
    /// `code` (the status), `type` and `retryable`, when missing or mistyped, default to the
    /// standard values of the kind (500, no type, not retryable for an unknown kind); a missing
    /// message reads "Unknown error". A bare string is taken as the message.
    public init(wire: JSON) {
        if let message = wire.stringValue {
            self.init(code: .moleculerError, message: message)
            return
        }
        let code = Code(wire["name"]?.stringValue ?? Code.moleculerError.name)
        let standard = Self.standardKinds[code]
        let data = wire["data"]
        self.init(
            code: code,
            message: wire["message"]?.stringValue ?? "Unknown error",
            status: wire["code"]?.intValue ?? standard?.status ?? 500,
            type: wire["type"]?.stringValue ?? standard?.type,
            retryable: wire["retryable"]?.boolValue ?? standard?.retryable ?? false,
            data: data?.isNull == true ? nil : data,
            nodeID: wire["nodeID"]?.stringValue,
            stack: wire["stack"]?.stringValue)
    }

    /// The error object sent to peers; absent optional fields are omitted.
    public var wire: JSON {
        var object: [String: JSON] = [
            "name": .string(code.name),
            "message": .string(message),
            "code": .int(status),
            "retryable": .bool(retryable),
        ]
        object["type"] = type.map(JSON.string)
        object["nodeID"] = nodeID.map(JSON.string)
        object["stack"] = stack.map(JSON.string)
        object["data"] = data
        return .object(object)
    }

    /// Status, type and retry flag of the standard kinds (docs/PROTOCOL.md, "Errors"), for fields a peer omits.
    private static let standardKinds: [Code: (status: Int, type: String?, retryable: Bool)] = [
        .moleculerError: (500, nil, false),
        .retryableError: (500, nil, true),
        .serverError: (500, nil, true),
        .clientError: (400, nil, false),
        .serviceNotFound: (404, "SERVICE_NOT_FOUND", true),
        .serviceNotAvailable: (404, "SERVICE_NOT_AVAILABLE", true),
        .validation: (422, "VALIDATION_ERROR", false),
        .requestTimeout: (504, "REQUEST_TIMEOUT", true),
        .requestSkipped: (514, "REQUEST_SKIPPED", false),
        .requestRejected: (503, "REQUEST_REJECTED", true),
        .queueIsFull: (429, "QUEUE_FULL", true),
        .maxCallLevel: (500, "MAX_CALL_LEVEL", false),
        .brokerDisconnected: (502, "BAD_GATEWAY", true),
        .protocolVersionMismatch: (500, "PROTOCOL_VERSION_MISMATCH", false),
        .invalidPacketData: (500, "INVALID_PACKET_DATA", false),
    ]
}
