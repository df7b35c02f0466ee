import Broker
import Foundation
import GRDB

/// The producer side of reliable events: enqueue in the transaction of the state change.
extension Database {
    /// Adds `event` to the outbox in the current transaction, so it is relayed if and only if the
    /// transaction commits. The event carries `{"id", "occurredAt", "source", "seq", ...payload}`:
    /// a new UUID, the current time (ISO 8601 UTC), the service name and the outbox position.
    /// `payload` must be an object and must not use those four keys. Returns the event id.
    @discardableResult
    public func enqueueEvent(_ event: String, _ payload: JSON = [:]) throws -> String {
        guard let members = payload.objectValue else {
            throw BrokerError.server("the payload of the event '\(event)' must be an object (got \(payload.typeName))")
        }
        if let reserved = OutboxRow.kitKeys.first(where: { members[$0] != nil }) {
            throw BrokerError.server("the payload of the event '\(event)' must not set '\(reserved)' (the outbox sets it)")
        }
        let id = UUID().uuidString.lowercased()
        try execute(
            sql: "INSERT INTO outbox (id, event, payload, occurredAt) VALUES (?, ?, ?, ?)",
            arguments: [id, event, String(decoding: JSONWriter.bytes(payload), as: UTF8.self), Self.timestamp()])
        return id
    }

    /// Outbox rows after `seq`, in order: the unpublished ones only, or those named in `events`.
    func outboxRows(after seq: Int, unpublishedOnly: Bool = false, events: [String]? = nil, limit: Int) throws -> [OutboxRow] {
        var conditions = ["seq > ?"]
        var arguments: StatementArguments = [seq]
        if unpublishedOnly { conditions.append("publishedAt IS NULL") }
        if let events {
            conditions.append("event IN (\(databaseQuestionMarks(count: events.count)))")
            arguments += StatementArguments(events)
        }
        let sql = "SELECT seq, id, event, payload, occurredAt FROM outbox WHERE \(conditions.joined(separator: " AND ")) ORDER BY seq LIMIT ?"
        arguments += [limit]
        return try Row.fetchAll(self, sql: sql, arguments: arguments).map(OutboxRow.init(row:))
    }

    /// Marks the rows `seqs` published now.
    func markPublished(_ seqs: [Int]) throws {
        guard !seqs.isEmpty else { return }
        try execute(
            sql: "UPDATE outbox SET publishedAt = ? WHERE seq IN (\(databaseQuestionMarks(count: seqs.count)))",
            arguments: [Self.timestamp()] + StatementArguments(seqs))
    }

    /// Now as ISO 8601 UTC with milliseconds (`2025-01-31T12:00:00.000Z`).
    static func timestamp() -> String {
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
