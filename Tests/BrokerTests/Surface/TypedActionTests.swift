import Broker
import BrokerTesting
import Testing

@Suite("Typed actions take every option; routes travel in INFO", .timeLimit(.minutes(1)))
struct TypedActionTests {
    struct OrderID: Codable, Sendable {
        let id: Int
    }

    struct Order: Codable, Sendable, Equatable {
        let id: Int
        let status: String
    }

    static func orders(started: Recorder<String> = Recorder(), release: Recorder<String> = Recorder()) -> ServiceSchema {
        ServiceSchema(name: "orders", actions: [
            ActionSchema(
                "get", strategy: .shard(key: "id"), metadata: ["audit": true], rest: "GET /orders/:id"
            ) { (ctx: Context, input: OrderID) -> Order in
                Order(id: input.id, status: "PAID")
            },
            ActionSchema(
                "charge", circuitBreaker: CircuitBreakerOptions(enabled: true, threshold: 0.5, minRequestCount: 2),
                fallback: { _, error in ["fallback": .string(error.code.name)] }
            ) { (ctx: Context, input: OrderID) -> Order in
                throw BrokerError.server("card processor down")
            },
            ActionSchema("ship", bulkhead: BulkheadOptions(enabled: true, concurrency: 1, maxQueueSize: 0)) {
                (ctx: Context, input: OrderID) -> Order in
                started.record("shipping \(input.id)")
                _ = await release.next()
                return Order(id: input.id, status: "SHIPPED")
            },
        ])
    }

    @Test("route, strategy and metadata of a typed action reach the peer's registry")
    func routeAndOptionsTravel() async throws {
        let cluster = try await TestCluster(["front": [], "back": [Self.orders()]])
        try await cluster.start()
        let view = try #require(cluster["front"].registryView().action("orders.get"))
        #expect(view.rest == "GET /orders/:id")
        #expect(view.rest?.pathParams == ["id"])
        #expect(view.definition.metadata == ["audit": true])
        #expect(view.nodes == ["back"])
        #expect(!view.hasLocal)
        let info = try #require(cluster["back"].registryView().nodes.first { $0.id == "back" }?.services.first { $0.name == "orders" })
        #expect(info.actions["orders.get"]?.json["rest"] == "GET /orders/:id")
        #expect(info.actions["orders.get"]?.json["strategy"] == "Shard")
        let order = try await cluster["front"].call("orders.get", params: OrderID(id: 7), as: Order.self)
        #expect(order == Order(id: 7, status: "PAID"))
        await cluster.stop()
    }

    @Test("a typed action's fallback answers, and its circuit breaker opens")
    func fallbackAndBreaker() async throws {
        let cluster = try await TestCluster(["solo": [Self.orders()]])
        try await cluster.start()
        let first = try await cluster["solo"].call("orders.charge", ["id": 1])
        #expect(first == ["fallback": "MoleculerError"])
        _ = try await cluster["solo"].call("orders.charge", ["id": 1])
        // Two failures in two calls: the breaker is open and the endpoint is skipped.
        let third = try await cluster["solo"].call("orders.charge", ["id": 1])
        #expect(third == ["fallback": "ServiceNotAvailableError"])
        await cluster.stop()
    }

    @Test("a typed action's bulkhead refuses the call over its limits")
    func bulkhead() async throws {
        let started = Recorder<String>()
        let release = Recorder<String>()
        let cluster = try await TestCluster(["solo": [Self.orders(started: started, release: release)]])
        try await cluster.start()
        let broker = cluster["solo"]
        async let first = broker.call("orders.ship", params: OrderID(id: 1), as: Order.self)
        #expect(await started.next() == ["shipping 1"])
        let refused = await #expect(throws: BrokerError.self) { try await broker.call("orders.ship", ["id": 2]) }
        #expect(refused?.code == .queueIsFull)
        release.record("go")
        #expect(try await first.status == "SHIPPED")
        await cluster.stop()
    }

    @Test("ctx.call with Encodable params decodes the result, like broker.call")
    func contextTypedCall() async throws {
        let front = ServiceSchema(name: "front", actions: [
            ActionSchema("status") { (ctx: Context, input: OrderID) -> String in
                try await ctx.call("orders.get", params: input, as: Order.self).status
            },
        ])
        let cluster = try await TestCluster(["front": [front], "back": [Self.orders()]])
        try await cluster.start()
        #expect(try await cluster["front"].call("front.status", ["id": 3]) == "PAID")
        await cluster.stop()
    }

    struct Signup: ActionParams {
        let email: String
        let name: String
        let age: Int?
        static let rules = ["name": "min:2|max:50", "age": "min:13"]
    }

    @Test("without params, the schema comes from the input type and its rules, is enforced and is published")
    func paramsFromTheType() async throws {
        let users = ServiceSchema(name: "users", actions: [
            ActionSchema("signup", rest: "POST /auth/register") { (ctx: Context, input: Signup) -> String in "hello \(input.name)" },
        ])
        let cluster = try await TestCluster(["front": [], "back": [users]])
        try await cluster.start()
        let params = cluster["front"].registryView().action("users.signup")?.params?.json
        #expect(params == ["email": "string", "name": "string|min:2|max:50", "age": "number|integer|optional|min:13"])
        #expect(try await cluster["front"].call("users.signup", ["email": "a@b.c", "name": "Ada"]) == "hello Ada")
        let error = await #expect(throws: BrokerError.self) {
            try await cluster["front"].call("users.signup", ["email": "a@b.c", "name": "A", "age": 9])
        }
        #expect(error?.code == .validation)
        #expect(error?.data?.arrayValue?.compactMap { $0["field"]?.stringValue }.sorted() == ["age", "name"])
        await cluster.stop()
    }

    struct Misspelt: ActionParams {
        let name: String
        static let rules = ["nmae": "min:1"]
    }

    @Test("an ActionParams input whose rules name a missing field is refused when the service is created")
    func badRulesAreRefused() async throws {
        let broker = ServiceBroker(BrokerConfiguration(nodeID: "solo"))
        let service = ServiceSchema(name: "users", actions: [
            ActionSchema("rename") { (ctx: Context, input: Misspelt) -> String in input.name },
        ])
        let error = await #expect(throws: BrokerError.self) { try await broker.createService(service) }
        #expect(error?.code == .serviceSchema)
        #expect(error?.message.contains("'nmae'") == true)
    }

    @Test("a REST route is METHOD /path or /path; anything else is refused with the reason")
    func routeParsing() throws {
        #expect(try RestRoute(parsing: "get /products/:idOrSlug") == RestRoute(parsing: "GET /products/:idOrSlug"))
        #expect(try RestRoute(parsing: "/health").method == "*")
        #expect(try RestRoute(parsing: "/health").description == "/health")
        for bad in ["", "GET", "FETCH /x", "GET products", "GET /a /b"] {
            let error = #expect(throws: BrokerError.self) { try RestRoute(parsing: bad) }
            #expect(error?.message.contains("is not a REST route") == true)
        }
    }
}
