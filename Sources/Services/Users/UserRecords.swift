import Foundation
import GRDB

/// A row of `user`. `roles` is stored as comma-separated role names.
struct UserRow: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "user"
    var id: Int64?
    var email: String
    var name: String
    var phone: String?
    var passwordHash: String
    var roles: String
    var createdAt: String

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var storeRoles: [StoreRole] { roles.split(separator: ",").compactMap { StoreRole(rawValue: String($0)) } }

    var storeUser: StoreUser { StoreUser(id: Int(id ?? 0), email: email, roles: storeRoles) }

    /// What the service answers about a user: never the password hash.
    var profile: UserProfile {
        UserProfile(id: Int(id ?? 0), email: email, name: name, phone: phone, roles: storeRoles, createdAt: createdAt)
    }
}

/// A user as the service answers it.
public struct UserProfile: Codable, Sendable, Equatable {
    public var id: Int
    public var email: String
    public var name: String
    public var phone: String?
    public var roles: [StoreRole]
    public var createdAt: String
}

/// A row of `address`, and its answer.
public struct Address: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "address"
    public var id: Int64?
    public var userId: Int64
    public var name: String?
    public var line1: String
    public var line2: String?
    public var city: String
    public var postalCode: String
    public var country: String

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
