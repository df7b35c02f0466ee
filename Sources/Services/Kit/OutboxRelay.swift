import Broker
import Logging

/// Publishes the outbox: unpublished rows in `seq` order with `broker.emit`, each marked
/// published once emitted. An event no node subscribes to yet is held back (left unpublished)
/// and retried, so events produced before their consumers start are not dropped.
struct OutboxRelay: Sendable {
    let database: StoreDatabase
    let broker: ServiceBroker
    let timing: EventTiming
    let logger: Logger
    private static let pageSize = 100

    /// Relays until cancelled: after each wake-up of the database's relay signal, else on the
    /// backoff's schedule.
    func run() async {
        var backoff = RelayBackoff(timing: timing)
        while !Task.isCancelled {
            let held: Bool
            do {
                held = try await pass()
            } catch is CancellationError {
                return  // the service is stopping
            } catch {
                logger.error("outbox relay failed", metadata: ["database": "\(database.displayName)", "error": "\(error)"])
                held = true
            }
            await database.relaySignal.wait(upTo: backoff.next(held: held), clock: broker.clock)
        }
    }

    /// Emits every unpublished row some node subscribes to; returns whether any was held back.
    func pass() async throws -> Bool {
        let patterns = broker.registryView().events.map { WildcardPattern($0.name) }
        var held = false
        var after = 0
        while true {
            let rows = try await database.read { [after] db in
                try db.outboxRows(after: after, unpublishedOnly: true, limit: Self.pageSize)
            }
            guard let last = rows.last else { return held }
            var published: [Int] = []
            for row in rows {
                guard patterns.contains(where: { $0.matches(row.event) }) else {
                    held = true
                    logger.debug("event held: no subscriber yet", metadata: ["event.name": "\(row.event)", "event.seq": "\(row.seq)"])
                    continue
                }
                await broker.emit(row.event, try row.data(source: database.name))
                published.append(row.seq)
            }
            try await database.write { [published] db in try db.markPublished(published) }
            after = last.seq
        }
    }
}
