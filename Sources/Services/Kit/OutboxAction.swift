import Broker

/// `<service>.outbox`: the outbox rows after `after`, in order, for consumers that catch up.
/// Visibility `.public`: any node may call it, the gateway does not expose it.
enum OutboxAction {
    struct Query: ActionParams {
        let after: Int
        let events: [String]?
        let limit: Int?
        static let rules = ["after": "min:0", "limit": "min:1|max:500", "events[]": "min:1"]
    }

    static let defaultLimit = 100

    /// `{after, events?, limit? (1...500, default 100)}` → `[{"seq", "event", "payload"}]`.
    static func schema(_ database: StoreDatabase) -> ActionSchema {
        ActionSchema("outbox", visibility: .public) { (ctx: Context, query: Query) -> JSON in
            let rows = try await database.read { db in
                try db.outboxRows(after: query.after, events: query.events, limit: query.limit ?? defaultLimit)
            }
            return .array(try rows.map { try $0.answer(source: database.name) })
        }
    }
}
