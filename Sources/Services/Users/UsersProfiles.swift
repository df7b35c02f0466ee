import Broker
import GRDB

/// The calling user's profile and addresses.
struct UsersProfiles: Sendable {
    let database: StoreDatabase

    var actions: [ActionSchema] {
        [
            ActionSchema("me", rest: "GET /me") { (ctx: Context, _: UsersParams.Empty) -> UserProfile in
                try await profile(of: try ctx.requireUser())
            },
            ActionSchema("updateMe", rest: "PATCH /me") { (ctx: Context, input: UsersParams.ProfileChange) -> UserProfile in
                let user = try ctx.requireUser()
                return try await database.write { db in
                    var row = try Self.row(of: user, db)
                    if let name = input.name { row.name = name }
                    if let phone = input.phone { row.phone = phone }
                    try row.update(db)
                    try db.enqueueEvent("user.updated", ["userID": .int(user.id), "email": .string(row.email), "name": .string(row.name)])
                    return row.profile
                }
            },
            ActionSchema("addAddress", rest: "POST /me/addresses") { (ctx: Context, input: UsersParams.NewAddress) -> Address in
                let user = try ctx.requireUser()
                return try await database.write { db in
                    _ = try Self.row(of: user, db)
                    var address = Address(
                        userId: Int64(user.id), name: input.name, line1: input.line1, line2: input.line2, city: input.city,
                        postalCode: input.postalCode, country: input.country)
                    try address.insert(db)
                    return address
                }
            },
            ActionSchema("addresses", rest: "GET /me/addresses") { (ctx: Context, _: UsersParams.Empty) -> [Address] in
                let user = try ctx.requireUser()
                return try await database.read { db in
                    try Address.filter(Column("userId") == user.id).order(Column("id")).fetchAll(db)
                }
            },
        ]
    }

    private func profile(of user: StoreUser) async throws -> UserProfile {
        try await database.read { db in try Self.row(of: user, db).profile }
    }

    /// The caller's row; a token for a deleted account is a 401.
    private static func row(of user: StoreUser, _ db: Database) throws -> UserRow {
        guard let row = try UserRow.fetchOne(db, key: user.id) else { throw BrokerError.unauthorized("The account no longer exists.") }
        return row
    }
}
