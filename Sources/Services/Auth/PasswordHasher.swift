import Broker
import HummingbirdBcrypt
import NIOCore
import NIOPosix
import Synchronization

/// bcrypt hashing and checking on threads of its own, never on the threads that serve the
/// broker: a hash costs tens of milliseconds of CPU (about 56 ms at cost 10 here), so a burst of
/// logins run on the cooperative pool would stall every other call of the node. Concurrency is
/// bounded by `threads`; at most `maxWaiting` more wait, and a call beyond that is refused at
/// once with a retryable 429 `QueueIsFullError`.
public final class PasswordHasher: Sendable {
    public let cost: UInt8
    private let pool: NIOThreadPool
    private let limit: Int
    private let admitted = Atomic<Int>(0)

    /// `threads` defaults to half the cores (at least one), leaving the rest to the broker.
    public init(cost: UInt8 = 10, threads: Int? = nil, maxWaiting: Int = 64) {
        let count = max(1, threads ?? System.coreCount / 2)
        self.cost = cost
        pool = NIOThreadPool(numberOfThreads: count)
        limit = count + max(0, maxWaiting)
        pool.start()
    }

    /// The bcrypt hash of `password` (salted: two hashes of one password differ).
    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await run { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`; false for a malformed hash.
    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await run { Bcrypt.verify(password, hash: hash) }
    }

    /// Stops the threads once the work already given to them is done.
    public func shutdown() async throws {
        try await pool.shutdownGracefully()
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T {
        guard admitted.add(1, ordering: .acquiringAndReleasing).newValue <= limit else {
            admitted.subtract(1, ordering: .acquiringAndReleasing)
            throw BrokerError(
                code: .queueIsFull, message: "Too many password checks at once; try again.", status: 429, type: "QUEUE_FULL",
                retryable: true)
        }
        defer { admitted.subtract(1, ordering: .acquiringAndReleasing) }
        return try await pool.runIfActive(work)
    }
}
