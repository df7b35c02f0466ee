import Broker
import BrokerTesting
import Services
import Synchronization
import Testing

@Suite("Password hashing off the broker's threads", .timeLimit(.minutes(2)))
struct PasswordHasherTests {
    @Test("a hash verifies its password only; hashes are salted; a malformed hash is no match")
    func roundTrip() async throws {
        let hasher = PasswordHasher(cost: 4, threads: 1)
        let hash = try await hasher.hash("correct horse")
        #expect(hash.hasPrefix("$2b$04$"))
        #expect(try await hasher.verify("correct horse", against: hash))
        #expect(try await !hasher.verify("correct horse!", against: hash))
        #expect(try await hasher.hash("correct horse") != hash)
        #expect(try await !hasher.verify("x", against: "not a hash"))
        try await hasher.shutdown()
    }

    @Test("while hashes fill the hasher, calls on the node still run")
    func burstDoesNotStallCalls() async throws {
        var configuration = BrokerConfiguration(nodeID: "identity")
        configuration.lifecycle.discoveryWait = .zero
        let broker = ServiceBroker(configuration)
        try await broker.createService(ServiceSchema(name: "ping", actions: [ActionSchema("pong") { _ in "pong" }]))
        try await broker.start()
        let hasher = PasswordHasher(cost: 13, threads: 1)
        let finished = Finished()
        // More hashes than the cooperative pool has threads: had they run there, the call below
        // could not run before the first of them finished.
        let burst = (0..<4).map { _ in
            Task {
                _ = try await hasher.hash("hunter2")
                finished.count.add(1, ordering: .relaxed)
            }
        }
        #expect(try await broker.call("ping.pong") == "pong")
        #expect(finished.count.load(ordering: .relaxed) == 0)
        for task in burst { _ = try await task.value }
        #expect(finished.count.load(ordering: .relaxed) == 4)
        try await hasher.shutdown()
        await broker.stop()
    }

    @Test("beyond its threads and waiting room the hasher refuses at once with a retryable 429")
    func bounded() async throws {
        let hasher = PasswordHasher(cost: 14, threads: 1, maxWaiting: 0)
        let outcomes = await withTaskGroup(of: String.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    do {
                        _ = try await hasher.hash("hunter2")
                        return "hashed"
                    } catch let error as BrokerError {
                        return "\(error.code.name) \(error.status) \(error.retryable)"
                    } catch {
                        return "\(error)"
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.sorted() == ["QueueIsFullError 429 true", "hashed"])
        try await hasher.shutdown()
    }
}

/// Hashes finished so far, shared with the tasks doing them.
final class Finished: Sendable {
    let count = Atomic<Int>(0)
}
