import Broker
import Foundation
import GRDB

/// The `email` service: renders the store's templates and keeps every message it sends in its
/// outbox table (no SMTP server is needed: the store's mail is read from `email.outbox`), and
/// the newsletter list.
public enum EmailService {
    struct Send: ActionParams {
        let to: String
        let template: String
        let data: [String: JSON]?
        let key: String?
        static let rules = ["to": "email|max:254", "template": "min:1|max:50", "key": "min:1|max:200"]
    }

    struct OutboxQuery: ActionParams {
        let to: String?
        let page: Int?
        let pageSize: Int?
        static let rules = PageRequest.rules.merging(["to": "min:1|max:254"]) { $1 }
    }

    struct Subscription: ActionParams {
        let email: String
        static let rules = ["email": "email|max:254"]
    }

    struct Unsubscription: ActionParams {
        let token: String
        static let rules = ["token": "min:1|max:100"]
    }

    public static func make(_ environment: ServiceEnvironment) throws -> ServiceSchema {
        let store = StoreService(name: "email", environment: environment, migrator: EmailDatabase.migrator)
        let database = store.database
        return store.schema(actions: [
            ActionSchema("send", visibility: .public) { (ctx: Context, input: Send) -> EmailMessage in
                try await send(input, database)
            },
            ActionSchema("outbox", rest: "GET /admin/email/outbox") { (ctx: Context, input: OutboxQuery) -> Page<EmailMessage> in
                _ = try ctx.requireRole(.staff)
                let page = PageRequest(page: input.page, pageSize: input.pageSize)
                return try await database.read { db in
                    var request = EmailMessage.all()
                    if let to = input.to { request = request.filter(Column("to") == to.lowercased()) }
                    let rows = try request.order(Column("id").desc).limit(page.pageSize, offset: page.offset).fetchAll(db)
                    return Page(rows: rows, request: page, total: try request.fetchCount(db))
                }
            },
            ActionSchema("subscribe", rest: "POST /newsletter") { (ctx: Context, input: Subscription) -> JSON in
                let email = input.email.lowercased()
                let token = try await database.write { db -> String? in
                    if try Row.fetchOne(db, sql: "SELECT 1 FROM subscriber WHERE email = ?", arguments: [email]) != nil { return nil }
                    let token = UUID().uuidString.lowercased()
                    try db.execute(sql: "INSERT INTO subscriber (email, token, subscribedAt) VALUES (?, ?, ?)", arguments: [email, token, now()])
                    return token
                }
                if let token {
                    _ = try await send(Send(to: email, template: "newsletter-confirm", data: ["token": .string(token)], key: "newsletter:\(token)"), database)
                }
                return ["email": .string(email), "subscribed": true]
            },
            ActionSchema("unsubscribe", rest: "DELETE /newsletter") { (ctx: Context, input: Unsubscription) -> JSON in
                let removed = try await database.write { db in
                    try db.execute(sql: "DELETE FROM subscriber WHERE token = ?", arguments: [input.token])
                    return db.changesCount
                }
                guard removed > 0 else { throw BrokerError.notFound("subscription", .string(input.token)) }
                return ["ok": true]
            },
        ])
    }

    /// Renders and records a message; with a `key`, a second send with the same key answers the
    /// first message instead of sending again (for retrying senders).
    private static func send(_ input: Send, _ database: StoreDatabase) async throws -> EmailMessage {
        guard let template = EmailTemplates.all[input.template] else {
            throw BrokerError.validation(fields: [
                ["type": "enumValue", "field": "template", "message": .string("Unknown template '\(input.template)'."),
                 "expected": .string(EmailTemplates.all.keys.sorted().joined(separator: ", "))],
            ])
        }
        let data = input.data ?? [:]
        let subject = try EmailTemplates.render(template.subject, data)
        let body = try EmailTemplates.render(template.body, data)
        return try await database.write { db in
            if let key = input.key, let sent = try EmailMessage.filter(Column("key") == key).fetchOne(db) { return sent }
            var message = EmailMessage(key: input.key, to: input.to.lowercased(), subject: subject, body: body, template: input.template, sentAt: now())
            try message.insert(db)
            return message
        }
    }

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}

/// A message the store sent.
public struct EmailMessage: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "message"
    public var id: Int64?
    public var key: String?
    public var to: String
    public var subject: String
    public var body: String
    public var template: String
    public var sentAt: String

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

enum EmailDatabase {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("email-v1") { db in
            try db.create(table: "message") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("key", .text).unique()
                table.column("to", .text).notNull().indexed()
                table.column("subject", .text).notNull()
                table.column("body", .text).notNull()
                table.column("template", .text).notNull()
                table.column("sentAt", .text).notNull()
            }
            try db.create(table: "subscriber") { table in
                table.primaryKey("email", .text)
                table.column("token", .text).notNull().unique()
                table.column("subscribedAt", .text).notNull()
            }
        }
        return migrator
    }
}
