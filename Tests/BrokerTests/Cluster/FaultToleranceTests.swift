import Broker
import BrokerTesting
import Synchronization
import Testing

@Suite("Fault tolerance", .timeLimit(.minutes(1)))
struct FaultToleranceTests {
    /// A `work.hang` action that records its start and then sleeps on the clock.
    static func hanging(_ started: Recorder<String>, for duration: Duration = .seconds(60)) -> ServiceSchema {
        ServiceSchema(name: "work", actions: [
            ActionSchema("hang") { ctx in
                started.record(ctx.broker.nodeID)
                try await ctx.broker.clock.sleep(for: duration)
                return .string(ctx.broker.nodeID)
            },
            ActionSchema("who") { ctx in .string(ctx.broker.nodeID) },
        ])
    }

    @Test("a crashed node is detected by heartbeat timeout, its pending calls fail fast, a retry goes elsewhere")
    func crashDetection() async throws {
        let started = Recorder<String>()
        let watcher = Recorder<String>()
        let watch = ServiceSchema(name: "watch", events: [
            EventSchema("$node.disconnected") { ctx in
                watcher.record("\(ctx.params["node"]?["id"]?.stringValue ?? "?"):\(ctx.params["unexpected"] == true)")
            },
        ])
        let cluster = try await TestCluster(["a": [watch], "b": [Self.hanging(started)], "c": [Self.hanging(started)]])
        try await cluster.start()
        async let pendingCall: JSON = cluster["a"].call("work.hang", [:], options: CallOptions(nodeID: "b"))
        #expect(await started.next() == ["b"])
        cluster.hub.isolate("b")
        await cluster.clock.advance(by: .seconds(21), step: .seconds(1))
        #expect(await watcher.next() == ["b:true"])
        do {
            _ = try await pendingCall
            Issue.record("the call to the crashed node should have failed")
        } catch let error as BrokerError {
            #expect(error.code == .requestRejected)
            #expect(error.retryable)
        }
        for _ in 0..<4 { #expect(try await cluster["a"].call("work.who") == "c") }
        await cluster.stop()
    }

    @Test("a retryable failure is retried on another node")
    func retryMovesToAnotherNode() async throws {
        let cluster = try await TestCluster(["a": [], "b": [TestServices.echo(failOn: ["b"])], "c": [TestServices.echo(failOn: ["b"])]]) {
            $0.retryPolicy = RetryPolicy(enabled: true, retries: 3, delay: .zero)
        }
        try await cluster.start()
        for _ in 0..<6 { #expect(try await cluster["a"].call("echo.fail") == "c") }
        let noRetry = await #expect(throws: BrokerError.self) {
            for _ in 0..<2 { _ = try await cluster["a"].call("echo.fail", [:], options: CallOptions(retries: 0)) }
        }
        #expect(noRetry?.message == "failing on b")
        await cluster.stop()
    }

    @Test("retries back off on the clock and give up after the configured count")
    func retriesGiveUp() async throws {
        let cluster = try await TestCluster(["a": [], "b": [TestServices.echo(failOn: ["b"])]]) {
            $0.retryPolicy = RetryPolicy(enabled: true, retries: 2, delay: .milliseconds(100), factor: 2)
        }
        try await cluster.start()
        let before = cluster.hub.deliveredCount(.request)
        let outcome = Task { try await cluster["a"].call("echo.fail") }
        await cluster.clock.advance(by: .seconds(1), step: .milliseconds(50))
        await #expect(throws: BrokerError.self) { try await outcome.value }
        #expect(cluster.hub.deliveredCount(.request) - before == 3)
        await cluster.stop()
    }

    @Test("the circuit breaker opens on failures, skips the endpoint, and closes after a good trial")
    func circuitBreaker() async throws {
        let failing = Mutex(true)
        let flaky = ServiceSchema(name: "flaky", actions: [
            ActionSchema("run") { ctx in
                if ctx.broker.nodeID == "b", failing.withLock({ $0 }) { throw BrokerError.server("b is broken") }
                return .string(ctx.broker.nodeID)
            },
        ])
        let cluster = try await TestCluster(["a": [], "b": [flaky], "c": [flaky]]) {
            $0.circuitBreaker = CircuitBreakerOptions(enabled: true, threshold: 0.5, windowTime: .seconds(60), minRequestCount: 2, halfOpenTime: .seconds(10))
        }
        try await cluster.start()
        var answers: [String] = []
        for _ in 0..<4 { answers.append((try? await cluster["a"].call("flaky.run"))?.stringValue ?? "error") }
        #expect(answers.filter { $0 == "error" }.count == 2)
        #expect(answers.filter { $0 == "c" }.count == 2)
        for _ in 0..<4 { #expect(try await cluster["a"].call("flaky.run") == "c") }
        let metrics = try await cluster["a"].call("$node.metrics")
        #expect(metrics["circuitBreakers"]?["b|flaky.run"] == "open")
        failing.withLock { $0 = false }
        await cluster.clock.advance(by: .seconds(11))
        var seen: Set<String> = []
        for _ in 0..<4 { seen.insert(try await cluster["a"].call("flaky.run").stringValue ?? "") }
        #expect(seen == ["b", "c"])
        let after = try await cluster["a"].call("$node.metrics")
        #expect(after["circuitBreakers"]?["b|flaky.run"] == "closed")
        await cluster.stop()
    }

    @Test("the bulkhead queues up to its limit and rejects the overflow with QueueIsFull (429)")
    func bulkhead() async throws {
        let started = Recorder<String>()
        let slow = ServiceSchema(name: "slow", actions: [
            ActionSchema("run", bulkhead: BulkheadOptions(enabled: true, concurrency: 1, maxQueueSize: 1)) { ctx in
                started.record("run")
                try await ctx.broker.clock.sleep(for: .seconds(1))
                return "done"
            },
        ])
        let cluster = try await TestCluster(["a": [slow]])
        try await cluster.start()
        let broker = cluster["a"]
        async let first: JSON = broker.call("slow.run")
        #expect(await started.next() == ["run"])
        async let second: JSON = broker.call("slow.run")
        await cluster.clock.settle()
        let overflow = await #expect(throws: BrokerError.self) { try await broker.call("slow.run") }
        #expect(overflow?.code == .queueIsFull)
        #expect(overflow?.status == 429)
        await cluster.clock.advance(by: .seconds(1))
        #expect(await started.next() == ["run"])
        await cluster.clock.advance(by: .seconds(1))
        #expect(try await first == "done")
        #expect(try await second == "done")
        await cluster.stop()
    }

    @Test("a remote call past its timeout fails with RequestTimeoutError (504)")
    func requestTimeout() async throws {
        let started = Recorder<String>()
        let cluster = try await TestCluster(["a": [], "b": [Self.hanging(started)]])
        try await cluster.start()
        let done = Recorder<Bool>()
        let outcome = Task {
            defer { done.record(true) }
            return try await cluster["a"].call("work.hang", [:], options: CallOptions(timeout: .seconds(2)))
        }
        _ = await started.next()
        #expect(await cluster.clock.advance(step: .milliseconds(500), limit: .seconds(20)) { !done.records.isEmpty })
        #expect(cluster.clock.now < .seconds(30))
        let error = await #expect(throws: BrokerError.self) { try await outcome.value }
        #expect(error?.code == .requestTimeout)
        #expect(error?.status == 504)
        await cluster.stop()
    }

    @Test("distributed timeout: a nested call gets only the parent's remaining time, and is skipped when none is left")
    func distributedTimeout() async throws {
        let outcomes = Recorder<String>()
        let started = Recorder<String>()
        let front = ServiceSchema(name: "front", actions: [
            ActionSchema("run") { ctx in
                try await ctx.broker.clock.sleep(for: .milliseconds(1500))
                do {
                    _ = try await ctx.call("work.who")
                    outcomes.record("called")
                } catch let error as BrokerError {
                    outcomes.record(error.code.name)
                }
                return "late"
            },
            ActionSchema("chain") { ctx in
                do {
                    _ = try await ctx.call("work.hang", [:], options: CallOptions(timeout: .seconds(30)))
                } catch let error as BrokerError {
                    outcomes.record("\(error.code.name)@\(ctx.broker.clock.now)")
                }
                return "x"
            },
        ])
        let cluster = try await TestCluster(["a": [front], "b": [Self.hanging(started)]])
        try await cluster.start()
        let skipped = Task { try await cluster["a"].call("front.run", [:], options: CallOptions(timeout: .seconds(1))) }
        #expect(await cluster.clock.advance(step: .milliseconds(100), limit: .seconds(10)) { outcomes.records.count >= 1 })
        let error = await #expect(throws: BrokerError.self) { try await skipped.value }
        #expect(error?.code == .requestTimeout)
        #expect(outcomes.records == ["RequestSkippedError"])

        let start = cluster.clock.now
        let chained = Task { try await cluster["a"].call("front.chain", [:], options: CallOptions(timeout: .seconds(2))) }
        _ = await started.next()
        #expect(await cluster.clock.advance(step: .milliseconds(100), limit: .seconds(20)) { outcomes.records.count >= 2 })
        _ = try? await chained.value
        let record = outcomes.records.last ?? ""
        #expect(record.hasPrefix("RequestTimeoutError@"))
        #expect(cluster.clock.now - start < .seconds(30))
        await cluster.stop()
    }

    @Test("a fallback answers instead of the error")
    func fallback() async throws {
        let cluster = try await TestCluster(["a": [], "b": [TestServices.echo()]])
        try await cluster.start()
        let result = try await cluster["a"].call("echo.crash", [:], options: CallOptions(fallback: { request, error in
            ["fallback": .string(request.action), "reason": .string(error.message)]
        }))
        #expect(result == ["fallback": "echo.crash", "reason": "boom"])
        await cluster.stop()
    }
}
