import Broker

/// The errors every store service answers with, named and coded as the store's clients expect
/// (Moleculer's names; the status becomes the HTTP status at the gateway).
extension BrokerError.Code {
    /// 404, type `ENTITY_NOT_FOUND`: also for another customer's entity, whose existence is not revealed.
    public static let notFound = Self("NotFoundError")
    /// 409, the type names the rule: `OUT_OF_STOCK`, `INVALID_STATE`, `IDEMPOTENCY_KEY_REUSED`, `EMAIL_TAKEN`.
    public static let conflict = Self("ConflictError")
    /// 401: no user where one is needed, or a bad token.
    public static let unauthorized = Self("UnAuthorizedError")
    /// 403: the user lacks the role.
    public static let forbidden = Self("ForbiddenError")
}

extension BrokerError {
    /// `<entity> <id> not found` (404 `ENTITY_NOT_FOUND`), with `{entity, id}` as data.
    public static func notFound(_ entity: String, _ id: JSON) -> BrokerError {
        BrokerError(
            code: .notFound, message: "The \(entity) \(id) is not found.", status: 404, type: "ENTITY_NOT_FOUND",
            data: ["entity": .string(entity), "id": id])
    }

    /// A conflicting state change (409); `type` names the rule broken.
    public static func conflict(_ message: String, type: String, data: JSON? = nil) -> BrokerError {
        BrokerError(code: .conflict, message: message, status: 409, type: type, data: data)
    }

    /// No user, or not a valid one (401).
    public static func unauthorized(_ message: String = "You must be logged in.", type: String = "UNAUTHORIZED") -> BrokerError {
        BrokerError(code: .unauthorized, message: message, status: 401, type: type)
    }

    /// The user lacks a role (403); `data` names the roles that would do.
    public static func forbidden(needs roles: [StoreRole]) -> BrokerError {
        BrokerError(
            code: .forbidden, message: "This needs the role \(roles.map(\.rawValue).joined(separator: " or ")).", status: 403,
            type: "FORBIDDEN", data: ["roles": .array(roles.map { .string($0.rawValue) })])
    }
}
