import GRDB

/// Wakes the outbox relay after a transaction that inserted outbox rows commits (not after one
/// that rolls back). GRDB calls it on the writer's queue only, so its flag needs no lock.
final class OutboxCommitObserver: TransactionObserver {
    private let signal: WakeSignal
    private var inserted = false

    init(signal: WakeSignal) {
        self.signal = signal
    }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        if case .insert(let table) = eventKind { return table == "outbox" }
        return false
    }

    func databaseDidChange(with event: DatabaseEvent) {
        inserted = true
        stopObservingDatabaseChangesUntilNextTransaction()
    }

    func databaseDidCommit(_ db: Database) {
        if inserted { signal.wake() }
        inserted = false
    }

    func databaseDidRollback(_ db: Database) {
        inserted = false
    }
}
