import Broker
import GRDB
import Synchronization

/// A store service's SQLite database: `<dataDirectory>/<name>.sqlite` as a GRDB `DatabasePool`
/// (WAL mode, foreign keys on), or an in-memory `DatabaseQueue` when the environment has no data
/// directory (tests).
///
/// ``open()`` creates the file and runs the kit's migrations (outbox, processed events, event
/// cursors), then the service's; ``close()`` closes it. ``StoreService`` does both in the
/// service's `started` and `stopped`. ``read(_:)`` and ``write(_:)`` use GRDB's async accesses,
/// which wait off the cooperative pool; a write is one transaction.
public final class StoreDatabase: Sendable {
    /// The service name: the file's base name and the `source` of the events it enqueues.
    public let name: String
    /// The file, or nil for an in-memory database.
    public let path: String?
    private let migrator: DatabaseMigrator
    private let writer = Mutex<(any DatabaseWriter)?>(nil)
    /// Wakes the outbox relay: after each commit that added outbox rows, and on registry changes.
    let relaySignal = WakeSignal()

    public init(name: String, environment: ServiceEnvironment, migrator: DatabaseMigrator = DatabaseMigrator()) {
        self.name = name
        path = environment.path("\(name).sqlite")
        self.migrator = migrator
    }

    /// What error messages call the database: its path, or `the in-memory database of 'x'`.
    public var displayName: String { path ?? "the in-memory database of '\(name)'" }

    /// Opens (creating it when missing) and migrates the database; does nothing when it is open.
    public func open() throws(BrokerError) {
        guard writer.withLock({ $0 == nil }) else { return }
        let opened: any DatabaseWriter
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.label = name
            opened = try path.map { try DatabasePool(path: $0, configuration: configuration) }
                ?? DatabaseQueue(configuration: configuration)
        } catch {
            throw BrokerError.server("cannot open \(displayName): \(error)")
        }
        do {
            try Self.kitMigrator.migrate(opened)
            try migrator.migrate(opened)
        } catch {
            try? opened.close()
            throw BrokerError.server("cannot migrate \(displayName): \(error)")
        }
        opened.add(transactionObserver: OutboxCommitObserver(signal: relaySignal), extent: .databaseLifetime)
        writer.withLock { $0 = opened }
    }

    /// Closes the database; later accesses throw until it is opened again.
    public func close() throws(BrokerError) {
        guard let opened = writer.withLock({ state in defer { state = nil }; return state }) else { return }
        do {
            try opened.close()
        } catch {
            throw BrokerError.server("cannot close \(displayName): \(error)")
        }
    }

    /// Reads in a snapshot (concurrently with other reads and with the write in WAL mode).
    public func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await opened().read(body)
    }

    /// Runs `body` in one write transaction: committed when it returns, rolled back when it throws.
    public func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await opened().write(body)
    }

    private func opened() throws(BrokerError) -> any DatabaseWriter {
        guard let opened = writer.withLock({ $0 }) else {
            throw BrokerError.server("\(displayName) is not open (the service is not started)")
        }
        return opened
    }
}
