extension BrokerError.Code {
    public static let moleculerError = Self("MoleculerError")
    public static let retryableError = Self("MoleculerRetryableError")
    public static let serverError = Self("MoleculerServerError")
    public static let clientError = Self("MoleculerClientError")
    public static let serviceNotFound = Self("ServiceNotFoundError")
    public static let serviceNotAvailable = Self("ServiceNotAvailableError")
    public static let validation = Self("ValidationError")
    public static let requestTimeout = Self("RequestTimeoutError")
    public static let requestSkipped = Self("RequestSkippedError")
    public static let requestRejected = Self("RequestRejectedError")
    public static let queueIsFull = Self("QueueIsFullError")
    public static let maxCallLevel = Self("MaxCallLevelError")
    public static let brokerDisconnected = Self("BrokerDisconnectedError")
    public static let protocolVersionMismatch = Self("ProtocolVersionMismatchError")
    public static let invalidPacketData = Self("InvalidPacketDataError")
    public static let serviceSchema = Self("ServiceSchemaError")
}

/// Constructors for the standard Moleculer error kinds, with their codes, types and retry flags.
extension BrokerError {
    /// A generic, non-retryable server error.
    public static func server(_ message: String, data: JSON? = nil) -> BrokerError {
        BrokerError(code: .moleculerError, message: message, status: 500, data: data)
    }

    /// A retryable server error.
    public static func retryable(_ message: String, status: Int = 500, type: String? = nil, data: JSON? = nil) -> BrokerError {
        BrokerError(code: .retryableError, message: message, status: status, type: type, retryable: true, data: data)
    }

    /// A client error (bad request): never retried.
    public static func client(_ message: String, status: Int = 400, type: String? = nil, data: JSON? = nil) -> BrokerError {
        BrokerError(code: .clientError, message: message, status: status, type: type, data: data)
    }

    public static func serviceNotFound(action: String, nodeID: String? = nil) -> BrokerError {
        let place = nodeID.map { " on '\($0)' node" } ?? ""
        return BrokerError(
            code: .serviceNotFound, message: "Service '\(action)' is not found\(place).", status: 404,
            type: "SERVICE_NOT_FOUND", retryable: true, data: ["action": .string(action), "nodeID": nodeID.map(JSON.string) ?? .null])
    }

    public static func serviceNotAvailable(action: String, nodeID: String? = nil) -> BrokerError {
        let place = nodeID.map { " on '\($0)' node" } ?? ""
        return BrokerError(
            code: .serviceNotAvailable, message: "Service '\(action)' is not available\(place).", status: 404,
            type: "SERVICE_NOT_AVAILABLE", retryable: true, data: ["action": .string(action), "nodeID": nodeID.map(JSON.string) ?? .null])
    }

    /// A validation failure; `fields` lists every bad field as `{type, field, message, expected?, actual?}`.
    public static func validation(_ message: String = "Parameters validation error!", fields: [JSON]) -> BrokerError {
        BrokerError(code: .validation, message: message, status: 422, type: "VALIDATION_ERROR", data: .array(fields))
    }

    public static func requestTimeout(action: String, nodeID: String?) -> BrokerError {
        BrokerError(
            code: .requestTimeout, message: "Request is timed out when call '\(action)' action on '\(nodeID ?? "local")' node.",
            status: 504, type: "REQUEST_TIMEOUT", retryable: true, data: ["action": .string(action), "nodeID": nodeID.map(JSON.string) ?? .null])
    }

    public static func requestSkipped(action: String, nodeID: String?) -> BrokerError {
        BrokerError(
            code: .requestSkipped, message: "Calling '\(action)' is skipped because timeout reached on '\(nodeID ?? "local")' node.",
            status: 514, type: "REQUEST_SKIPPED", data: ["action": .string(action), "nodeID": nodeID.map(JSON.string) ?? .null])
    }

    public static func requestRejected(action: String, nodeID: String?, reason: String = "") -> BrokerError {
        BrokerError(
            code: .requestRejected, message: "Request is rejected when call '\(action)' action on '\(nodeID ?? "local")' node.\(reason.isEmpty ? "" : " " + reason)",
            status: 503, type: "REQUEST_REJECTED", retryable: true, data: ["action": .string(action), "nodeID": nodeID.map(JSON.string) ?? .null])
    }

    public static func queueIsFull(action: String, nodeID: String?, size: Int, limit: Int) -> BrokerError {
        BrokerError(
            code: .queueIsFull, message: "Queue is full. Request '\(action)' action on '\(nodeID ?? "local")' node is rejected.",
            status: 429, type: "QUEUE_FULL", retryable: true,
            data: ["action": .string(action), "nodeID": nodeID.map(JSON.string) ?? .null, "size": .int(size), "limit": .int(limit)])
    }

    public static func maxCallLevel(nodeID: String?, level: Int) -> BrokerError {
        BrokerError(
            code: .maxCallLevel, message: "Request level is reached the limit (\(level)) on '\(nodeID ?? "local")' node.",
            status: 500, type: "MAX_CALL_LEVEL", data: ["nodeID": nodeID.map(JSON.string) ?? .null, "level": .int(level)])
    }

    public static func brokerDisconnected(_ message: String = "The broker's transporter has disconnected.") -> BrokerError {
        BrokerError(code: .brokerDisconnected, message: message, status: 502, type: "BAD_GATEWAY", retryable: true)
    }

    public static func protocolVersionMismatch(nodeID: String, actual: String) -> BrokerError {
        BrokerError(
            code: .protocolVersionMismatch, message: "Protocol version mismatch.", status: 500, type: "PROTOCOL_VERSION_MISMATCH",
            data: ["nodeID": .string(nodeID), "actual": .string(actual), "received": .string(actual), "expected": "4"])
    }

    public static func invalidPacketData(_ message: String, data: JSON? = nil) -> BrokerError {
        BrokerError(code: .invalidPacketData, message: message, status: 500, type: "INVALID_PACKET_DATA", data: data)
    }

    /// Wraps any Swift error thrown by a handler; a `BrokerError` passes through unchanged.
    public static func wrapping(_ error: any Error, nodeID: String? = nil) -> BrokerError {
        if var brokerError = error as? BrokerError {
            if brokerError.nodeID == nil { brokerError.nodeID = nodeID }
            return brokerError
        }
        return BrokerError(
            code: .moleculerError, message: String(describing: error), status: 500, nodeID: nodeID,
            cause: String(reflecting: Swift.type(of: error)))
    }
}
