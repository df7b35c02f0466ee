import Broker
import GRDB

/// One row of the outbox, and the event data it stands for.
struct OutboxRow: Sendable {
    /// The keys the kit adds to every payload.
    static let kitKeys = ["id", "occurredAt", "source", "seq"]

    let seq: Int
    let id: String
    let event: String
    let payload: String
    let occurredAt: String

    init(row: Row) {
        seq = row["seq"]
        id = row["id"]
        event = row["event"]
        payload = row["payload"]
        occurredAt = row["occurredAt"]
    }

    /// `{"id", "occurredAt", "source", "seq", ...payload}`.
    func data(source: String) throws -> JSON {
        var data = try JSONParser.parse(payload)
        data["id"] = .string(id)
        data["occurredAt"] = .string(occurredAt)
        data["source"] = .string(source)
        data["seq"] = .int(seq)
        return data
    }

    /// The row as the outbox action answers it: `{"seq", "event", "payload"}`.
    func answer(source: String) throws -> JSON {
        ["seq": .int(seq), "event": .string(event), "payload": try data(source: source)]
    }
}
