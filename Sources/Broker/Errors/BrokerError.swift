/// The one error type of the broker: every failure of a call, an event or the transit is a
/// `BrokerError`, and it survives the trip over the wire with its code, type, data and origin.
public struct BrokerError: Error, Sendable, Hashable {
    /// The error's kind, by its Moleculer name (`ServiceNotFoundError`, `ValidationError`, ...).
    /// Extensible: `BrokerError.Code("PaymentDeclinedError")` names an application kind.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let name: String
        public init(_ name: String) { self.name = name }
        public var description: String { name }
    }

    public var code: Code
    public var message: String
    /// The HTTP-like status Moleculer calls `code` on the wire (404, 422, 500, ...).
    public var status: Int
    /// The machine-readable type (`SERVICE_NOT_FOUND`, `VALIDATION_ERROR`, ...).
    public var type: String?
    public var retryable: Bool
    public var data: JSON?
    /// The node where the error was raised.
    public var nodeID: String?
    public var stack: String?
    /// A short description of the underlying Swift error, when one was wrapped. Not sent.
    public var cause: String?

    public init(
        code: Code, message: String, status: Int = 500, type: String? = nil, retryable: Bool = false,
        data: JSON? = nil, nodeID: String? = nil, stack: String? = nil, cause: String? = nil
    ) {
        self.code = code
        self.message = message
        self.status = status
        self.type = type
        self.retryable = retryable
        self.data = data
        self.nodeID = nodeID
        self.stack = stack
        self.cause = cause
    }
}

extension BrokerError: CustomStringConvertible {
    public var description: String {
        var text = "\(code.name): \(message) (\(status)"
        if let type { text += " \(type)" }
        text += ")"
        if let data { text += " data=\(data)" }
        return text
    }
}
