import Broker
import Synchronization

/// The `benchsink` service for benchmarks: counts the `bench.*` events it receives;
/// `benchsink.count` returns the count, `benchsink.reset` sets it back to zero.
public enum BenchSinkService {
    public static func schema() -> ServiceSchema {
        let counter = Counter()
        return ServiceSchema(
            name: "benchsink",
            actions: [
                ActionSchema("count") { _ in .int(counter.value) },
                ActionSchema("reset") { _ in
                    counter.reset()
                    return .bool(true)
                },
            ],
            events: [EventSchema("bench.*") { _ in counter.increment() }])
    }

    /// Shares one atomic between the handlers.
    private final class Counter: Sendable {
        private let storage = Atomic<Int>(0)
        var value: Int { storage.load(ordering: .relaxed) }
        func increment() { storage.add(1, ordering: .relaxed) }
        func reset() { storage.store(0, ordering: .relaxed) }
    }
}
