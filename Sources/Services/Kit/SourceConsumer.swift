import Broker
import Logging

/// Applies one ``ReliableSubscription``'s events, pushed and pulled, one at a time.
///
/// The cursor only moves on the pull path (reading `<source>.outbox` after it), so it always
/// means "everything up to here is applied". A push applies the event at once, except that the
/// first push after start or after the source's node changed waits for a pull first, so events
/// missed while away are applied before newer ones.
actor SourceConsumer {
    let subscription: ReliableSubscription
    private let database: StoreDatabase
    private let logger: Logger
    private var synced = false
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private static let pageSize = 500

    init(_ subscription: ReliableSubscription, database: StoreDatabase, logger: Logger) {
        self.subscription = subscription
        self.database = database
        self.logger = logger
    }

    nonisolated var outboxAction: String { "\(subscription.source).outbox" }

    /// The push path: an event the source's relay emitted.
    func push(_ name: String, _ data: JSON, broker: ServiceBroker) async throws {
        guard let event = ReliableEvent(name: name, data: data), event.source == subscription.source else {
            logger.warning("event ignored: not from the outbox of \(subscription.source)", metadata: ["event.name": "\(name)"])
            return
        }
        await acquire()
        defer { release() }
        if !synced { await pullLocked(broker) }
        try await apply(event, advancingCursor: false)
    }

    /// The pull path: applies every event after the cursor, page by page.
    func pull(_ broker: ServiceBroker) async {
        await acquire()
        defer { release() }
        await pullLocked(broker)
    }

    /// The source's node came or went: the next push pulls first.
    func sourceChanged() {
        synced = false
    }

    private func pullLocked(_ broker: ServiceBroker) async {
        guard broker.registryView().action(outboxAction) != nil else { return }
        let source = subscription.source
        do {
            while true {
                let cursor = try await database.read { db in try db.eventCursor(source: source) }
                let rows = try await broker.call(
                    outboxAction,
                    ["after": .int(cursor), "events": .array(subscription.events.map(JSON.string)), "limit": .int(Self.pageSize)])
                let events = try (rows.arrayValue ?? []).map { row in
                    guard let name = row["event"]?.stringValue, let data = row["payload"],
                        let event = ReliableEvent(name: name, data: data)
                    else { throw BrokerError.server("\(outboxAction) answered a malformed row: \(row)") }
                    return event
                }
                for event in events { try await apply(event, advancingCursor: true) }
                if events.count < Self.pageSize { break }
            }
            synced = true
        } catch {
            logger.warning("catch-up stopped", metadata: ["event.source": "\(source)", "error": "\(error)"])
        }
    }

    private func apply(_ event: ReliableEvent, advancingCursor: Bool) async throws {
        let handler = subscription.handler
        try await database.write { db in try db.applyOnce(event, advancingCursor: advancingCursor, handler: handler) }
    }

    private func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
    }
}
