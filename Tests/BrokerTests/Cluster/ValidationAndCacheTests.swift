import Broker
import BrokerTesting
import Synchronization
import Testing

@Suite("Validation and caching", .timeLimit(.minutes(1)))
struct ValidationAndCacheTests {
    @Test("bad params are a 422 ValidationError listing every bad field, across the wire")
    func validationOverTheWire() async throws {
        let signup = ServiceSchema(name: "users", actions: [
            ActionSchema("create", params: ["name": "string|min:3", "email": "email", "age": "number|positive|optional"]) { ctx in ctx.params },
        ])
        let cluster = try await TestCluster(["a": [], "b": [signup]])
        try await cluster.start()
        let error = await #expect(throws: BrokerError.self) {
            try await cluster["a"].call("users.create", ["name": "al", "email": "nope", "age": -1])
        }
        #expect(error?.code == .validation)
        #expect(error?.status == 422)
        let fields = Set(error?.data?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? [])
        #expect(fields == ["name", "email", "age"])
        let ok = try await cluster["a"].call("users.create", ["name": "alice", "email": "a@example.com"])
        #expect(ok["name"] == "alice")
        await cluster.stop()
    }

    @Test("cached results are served from the cacher until they expire or are cleaned")
    func caching() async throws {
        let computed = Mutex(0)
        let prices = ServiceSchema(name: "prices", actions: [
            ActionSchema("get", cache: CacheOptions(keys: ["sku"], ttl: .seconds(30))) { ctx in
                let count = computed.withLock { value in
                    value += 1
                    return value
                }
                return ["sku": ctx.params["sku"] ?? .null, "computed": .int(count)]
            },
        ])
        let cluster = try await TestCluster(["a": [], "b": [prices]]) { $0.cacher = CacherOptions(maxEntries: 100) }
        try await cluster.start()
        let caller = cluster["a"]
        let first = try await caller.call("prices.get", ["sku": "A1", "ignored": 1])
        let second = try await caller.call("prices.get", ["sku": "A1", "ignored": 2])
        #expect(first == second)
        #expect(computed.withLock { $0 } == 1)
        _ = try await caller.call("prices.get", ["sku": "B2"])
        #expect(computed.withLock { $0 } == 2)
        caller.cacher?.clean("prices.**")
        cluster["b"].cacher?.clean("prices.**")
        _ = try await caller.call("prices.get", ["sku": "A1"])
        #expect(computed.withLock { $0 } == 3)
        await cluster.clock.advance(by: .seconds(31))
        _ = try await caller.call("prices.get", ["sku": "A1"])
        #expect(computed.withLock { $0 } == 4)
        await cluster.stop()
    }

    @Test("the LRU cacher evicts the least recently used entries")
    func lruEviction() {
        let cacher = MemoryCacher(options: CacherOptions(maxEntries: 3), clock: ManualClock())
        for key in ["a", "b", "c"] { cacher.set(key, .string(key)) }
        _ = cacher.get("a")
        cacher.set("d", "d")
        #expect(cacher.get("b") == nil)
        #expect(cacher.get("a") == "a")
        #expect(cacher.get("d") == "d")
    }
}
