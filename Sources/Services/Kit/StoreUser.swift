import Broker

/// A role of a store user.
public enum StoreRole: String, Codable, Sendable, CaseIterable {
    case customer, staff, admin
}

/// Who is calling: `ctx.meta.user`, `{"id": Int, "email": String, "roles": [...]}`. The gateway
/// sets it from a verified token; inside the cluster it is trusted. No `meta.user` is a guest.
public struct StoreUser: Codable, Sendable, Hashable {
    public var id: Int
    public var email: String
    public var roles: [StoreRole]

    public init(id: Int, email: String, roles: [StoreRole]) {
        self.id = id
        self.email = email
        self.roles = roles
    }

    /// Staff and admins act on every customer's entities.
    public var isStaff: Bool { roles.contains(.staff) || roles.contains(.admin) }

    /// The form `ctx.meta.user` takes.
    public var json: JSON {
        ["id": .int(id), "email": .string(email), "roles": .array(roles.map { .string($0.rawValue) })]
    }
}

extension Context {
    /// The calling user, nil for a guest. A `meta.user` that is not a user (no integer id, an
    /// unknown role) counts as no user: it is refused where a user is needed.
    public var user: StoreUser? {
        guard let value = meta["user"], !value.isNull else { return nil }
        return try? JSONValueDecoder().decode(StoreUser.self, from: value)
    }

    /// The calling user; 401 for a guest.
    public func requireUser() throws -> StoreUser {
        guard let user else { throw BrokerError.unauthorized() }
        return user
    }

    /// The calling user when they have one of `roles` (an admin has every role); 401 for a
    /// guest, 403 without the role.
    public func requireRole(_ roles: StoreRole...) throws -> StoreUser {
        let user = try requireUser()
        guard user.roles.contains(.admin) || roles.contains(where: user.roles.contains) else {
            throw BrokerError.forbidden(needs: roles)
        }
        return user
    }

    /// Passes when the caller owns the entity (`ownerID`) or is staff; otherwise the entity is
    /// "not found" (404), so that another customer's order or cart is not revealed to exist.
    public func requireOwner(_ ownerID: Int, of entity: String, id: JSON) throws {
        let user = try requireUser()
        guard user.id == ownerID || user.isStaff else { throw BrokerError.notFound(entity, id) }
    }
}
