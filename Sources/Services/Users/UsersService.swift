import Broker
import Foundation
import GRDB

/// The `users` service: accounts, passwords (bcrypt, off the broker's threads), ES256 access
/// tokens with revocation, profiles and addresses. Settings: `tokenLifetime` (seconds, 3600),
/// `bcryptCost` (10), `signingKey` (a PEM; secret, never published). Its published settings
/// carry `publicKey`, with which any node (the gateway) checks tokens itself.
public enum UsersService {
    public static func make(_ environment: ServiceEnvironment) throws -> ServiceSchema {
        let store = StoreService(name: "users", environment: environment, migrator: UsersDatabase.migrator)
        let tokens = try UsersTokens(environment: environment)
        let cost = environment.settings["bcryptCost"]?.intValue ?? 10
        guard (4...16).contains(cost) else { throw BrokerError(code: .serviceSchema, message: "settings.bcryptCost must be 4...16 (got \(cost))") }
        let hasher = PasswordHasher(cost: UInt8(cost))
        let accounts = UsersAccounts(database: store.database, tokens: tokens, hasher: hasher)
        var schema = store.schema(
            settings: ["publicKey": .string(tokens.publicKeyPEM)], outbox: true,
            actions: accounts.actions + UsersProfiles(database: store.database).actions)
        let kitStopped = schema.stopped
        schema.stopped = { broker in
            try await kitStopped?(broker)
            try await hasher.shutdown()
        }
        return schema
    }
}

/// Registering, logging in and out, checking tokens.
struct UsersAccounts: Sendable {
    let database: StoreDatabase
    let tokens: UsersTokens
    let hasher: PasswordHasher

    /// A well-formed bcrypt hash (at the hasher's cost) of no password anyone has, checked
    /// against for an unknown email so that a login takes as long whether or not the account
    /// exists.
    private var decoyHash: String {
        "$2b$\(hasher.cost < 10 ? "0" : "")\(hasher.cost)$CwTycUXWue0Thq9StjUM0uJ8.bzrSJ6HoFbVhsCyT7VBdjp0YjFK6"
    }

    var actions: [ActionSchema] {
        [
            ActionSchema("register", rest: "POST /auth/register") { (ctx: Context, input: UsersParams.Registration) -> UserProfile in
                try await register(input, roles: [.customer])
            },
            ActionSchema("login", rest: "POST /auth/login") { (ctx: Context, input: UsersParams.Credentials) -> JSON in
                try await login(input)
            },
            ActionSchema("logout", rest: "POST /auth/logout") { (ctx: Context, input: UsersParams.Token) -> JSON in
                try await logout(input.token, user: try ctx.requireUser())
            },
            ActionSchema("verifyToken", visibility: .public) { (ctx: Context, input: UsersParams.Token) -> StoreUser in
                try await verify(input.token)
            },
            // Only services on the same node (the seeding tool) may make staff and admins.
            ActionSchema("createUser", visibility: .protected) { (ctx: Context, input: UsersParams.NewUser) -> UserProfile in
                try await register(UsersParams.Registration(email: input.email, password: input.password, name: input.name), roles: input.roles)
            },
        ]
    }

    private func register(_ input: UsersParams.Registration, roles: [StoreRole]) async throws -> UserProfile {
        let hash = try await hasher.hash(input.password)
        let email = input.email.lowercased()
        return try await database.write { db in
            guard try UserRow.filter(Column("email") == email).fetchCount(db) == 0 else {
                throw BrokerError.conflict("An account with this email exists.", type: "EMAIL_TAKEN")
            }
            var row = UserRow(
                email: email, name: input.name, passwordHash: hash, roles: roles.map(\.rawValue).joined(separator: ","),
                createdAt: ISO8601DateFormatter().string(from: Date()))
            try row.insert(db)
            try db.enqueueEvent("user.registered", ["userID": .int(row.profile.id), "email": .string(email), "name": .string(input.name)])
            return row.profile
        }
    }

    private func login(_ input: UsersParams.Credentials) async throws -> JSON {
        let email = input.email.lowercased()
        let row = try await database.read { db in try UserRow.filter(Column("email") == email).fetchOne(db) }
        let matches = try await hasher.verify(input.password, against: row?.passwordHash ?? decoyHash)
        guard let row, matches else { throw BrokerError.unauthorized("Wrong email or password.", type: "INVALID_CREDENTIALS") }
        let (token, claims) = try await tokens.issuer().issue(for: row.storeUser, lifetime: tokens.lifetime)
        return [
            "token": .string(token), "expiresAt": .string(ISO8601DateFormatter().string(from: claims.exp.value)),
            "user": try JSONValueEncoder().encode(row.profile),
        ]
    }

    private func logout(_ token: String, user: StoreUser) async throws -> JSON {
        let claims = try await tokens.verifier().verify(token)
        guard claims.user?.id == user.id else { throw BrokerError.unauthorized("The token is not yours.", type: "INVALID_TOKEN") }
        let (jti, expiresAt) = (claims.jti.value, claims.exp.value.timeIntervalSince1970)
        try await database.write { db in
            try db.execute(sql: "DELETE FROM revokedToken WHERE expiresAt < ?", arguments: [Date().timeIntervalSince1970])
            try db.execute(sql: "INSERT OR IGNORE INTO revokedToken (jti, expiresAt) VALUES (?, ?)", arguments: [jti, expiresAt])
            try db.enqueueEvent("user.loggedOut", ["userID": .int(user.id), "jti": .string(jti), "expiresAt": .double(expiresAt)])
        }
        return ["ok": true]
    }

    private func verify(_ token: String) async throws -> StoreUser {
        let claims = try await tokens.verifier().verify(token)
        let jti = claims.jti.value
        let revoked = try await database.read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM revokedToken WHERE jti = ?", arguments: [jti]) ?? false
        }
        guard !revoked, let user = claims.user else { throw BrokerError.unauthorized("The token has been revoked.", type: "TOKEN_REVOKED") }
        return user
    }
}
