import GRDB

/// The consumer side's bookkeeping: which event ids were applied, and each source's cursor.
extension Database {
    /// Applies `event` with `handler` unless its id was applied before; records the id, and
    /// when `advancingCursor`, moves the source's cursor up to the event's `seq` (also for an
    /// event applied before). Call inside a write transaction.
    func applyOnce(_ event: ReliableEvent, advancingCursor: Bool, handler: ReliableSubscription.Handler) throws {
        let seen = try Bool.fetchOne(self, sql: "SELECT 1 FROM processed_events WHERE id = ?", arguments: [event.id]) ?? false
        if !seen {
            try handler(event, self)
            try execute(
                sql: "INSERT INTO processed_events (id, source, event, seq, processedAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [event.id, event.source, event.name, event.seq, Self.timestamp()])
        }
        if advancingCursor {
            try execute(
                sql: """
                    INSERT INTO event_cursors (source, seq) VALUES (?, ?)
                    ON CONFLICT(source) DO UPDATE SET seq = max(seq, excluded.seq)
                    """,
                arguments: [event.source, event.seq])
        }
    }

    /// The `seq` up to which `source`'s outbox has been read (0 before the first read).
    public func eventCursor(source: String) throws -> Int {
        try Int.fetchOne(self, sql: "SELECT seq FROM event_cursors WHERE source = ?", arguments: [source]) ?? 0
    }
}
