import Broker
import BrokerTesting
import Services
import Testing

@Suite("The inventory service", .timeLimit(.minutes(2)))
struct InventoryServiceTests {
    static let staff = CallOptions(meta: ["user": StoreUser(id: 1, email: "stock@example.com", roles: [.staff]).json])
    static let customer = CallOptions(meta: ["user": StoreUser(id: 2, email: "ada@example.com", roles: [.customer]).json])

    /// Runs `body` with a client node (with a listener recording `stock.updated` into `heard`)
    /// and an inventory node whose environment has the cluster's manual clock.
    static func withInventory(
        settings: JSON = [:], heard: Recorder<JSON> = Recorder(), _ body: (ServiceBroker, TestCluster) async throws -> Void
    ) async throws {
        let listener = ServiceSchema(name: "listener", events: [EventSchema("stock.updated") { ctx in heard.record(ctx.params) }])
        // The tests move the manual clock by minutes: heartbeats must not time out meanwhile.
        let cluster = try await TestCluster(["client": [listener], "node": []]) { $0.heartbeat.timeout = .seconds(3600); $0.heartbeat.forgetAfter = .seconds(7200) }
        let node = cluster["node"]
        try await node.createService(InventoryService.make(node.environment(for: "inventory", dataDirectory: nil, settings: settings)))
        try await cluster.start()
        do {
            try await body(cluster["client"], cluster)
        } catch {
            await cluster.stop()
            throw error
        }
        await cluster.stop()
    }

    /// Moves the clock a second at a time, letting the woken work run, until `condition` holds
    /// (at most 120 steps); false if it never does.
    static func advance(_ cluster: TestCluster, until condition: () -> Bool) async throws -> Bool {
        for _ in 0..<120 {
            if condition() { return true }
            await cluster.clock.advance(by: .seconds(1))
            try await Task.sleep(for: .milliseconds(20))
        }
        return condition()
    }

    static func stock(_ client: ServiceBroker, _ sku: String, _ delta: Int) async throws {
        _ = try await client.call("inventory.adjust", ["sku": .string(sku), "delta": .int(delta), "reason": "delivery"], options: staff)
    }

    static func reserve(_ client: ServiceBroker, _ key: String, _ lines: [String: Int], ttl: Int? = nil) async throws -> JSON {
        var params: JSON = ["key": .string(key), "lines": .array(lines.sorted { $0.key < $1.key }.map { ["sku": .string($0.key), "quantity": .int($0.value)] })]
        if let ttl { params["ttlSeconds"] = .int(ttl) }
        return try await client.call("inventory.reserve", params)
    }

    static func level(_ client: ServiceBroker, _ sku: String) async throws -> JSON {
        try await client.call("inventory.get", ["sku": .string(sku)])
    }

    @Test("the catalog makes it; a TTL or sweep interval that is not a whole number of seconds is refused")
    func settings() throws {
        #expect(ServiceCatalog.names.contains("inventory"))
        for bad: JSON in [["sweepInterval": 0], ["reservationTTL": "soon"]] {
            let refused = #expect(throws: BrokerError.self) { try InventoryService.make(.inMemory(settings: bad)) }
            #expect(refused?.message.contains("must be a whole number of seconds") == true, "\(bad)")
        }
        _ = try InventoryService.make(.inMemory(settings: ["sweepInterval": 1, "reservationTTL": 60]))
    }

    @Test("bad params are 422 naming each field")
    func validation() async throws {
        try await Self.withInventory { client, _ in
            let reserve = await #expect(throws: BrokerError.self) {
                try await client.call("inventory.reserve", ["key": "", "lines": [["sku": "A", "quantity": 0]], "ttlSeconds": 0])
            }
            #expect(reserve?.status == 422)
            #expect(Set(reserve?.data?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? []) == ["key", "lines[0].quantity", "ttlSeconds"])
            let empty = await #expect(throws: BrokerError.self) { try await client.call("inventory.reserve", ["key": "k", "lines": []]) }
            #expect(empty?.data?[0]?["field"] == "lines")
            let adjust = await #expect(throws: BrokerError.self) {
                try await client.call("inventory.adjust", ["sku": "A", "delta": 1.5, "reason": " "], options: Self.staff)
            }
            #expect(Set(adjust?.data?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? []) == ["delta", "reason"])
            let levels = await #expect(throws: BrokerError.self) { try await client.call("inventory.levels", ["skus": []]) }
            #expect(levels?.status == 422)
        }
    }

    @Test("only staff adjust; anyone reads; an adjustment never takes stock below zero or below what is reserved")
    func adjust() async throws {
        try await Self.withInventory { client, _ in
            let guest = await #expect(throws: BrokerError.self) {
                try await client.call("inventory.adjust", ["sku": "A", "delta": 5, "reason": "delivery"])
            }
            #expect(guest?.status == 401)
            let customer = await #expect(throws: BrokerError.self) {
                try await client.call("inventory.adjust", ["sku": "A", "delta": 5, "reason": "delivery"], options: Self.customer)
            }
            #expect(customer?.status == 403)
            let unknown = await #expect(throws: BrokerError.self) { try await Self.level(client, "A") }
            #expect(unknown?.status == 404)
            #expect(unknown?.type == "ENTITY_NOT_FOUND")

            let made = try await client.call("inventory.adjust", ["sku": "A", "delta": 5, "reason": "delivery"], options: Self.staff)
            #expect(made == ["sku": "A", "onHand": 5, "reserved": 0, "available": 5])
            _ = try await Self.reserve(client, "order-1", ["A": 3])
            let below = await #expect(throws: BrokerError.self) { try await Self.stock(client, "A", -3) }
            #expect(below?.status == 409)
            #expect(below?.type == "OUT_OF_STOCK")
            let negative = await #expect(throws: BrokerError.self) { try await Self.stock(client, "B", -1) }
            #expect(negative?.type == "OUT_OF_STOCK")
            try await Self.stock(client, "A", -2)
            #expect(try await Self.level(client, "A") == ["sku": "A", "onHand": 3, "reserved": 3, "available": 0])
            let levels = try await client.call("inventory.levels", ["skus": ["B", "A", "A"]], options: Self.customer)
            #expect(levels == [["sku": "A", "onHand": 3, "reserved": 3, "available": 0]])
        }
    }

    @Test("a reservation takes every line or none; a short line names what is missing")
    func allOrNothing() async throws {
        try await Self.withInventory { client, _ in
            try await Self.stock(client, "A", 5)
            try await Self.stock(client, "B", 1)
            let short = await #expect(throws: BrokerError.self) { try await Self.reserve(client, "order-1", ["A": 2, "B": 2, "C": 1]) }
            #expect(short?.status == 409)
            #expect(short?.type == "OUT_OF_STOCK")
            #expect(
                short?.data == [["sku": "B", "requested": 2, "available": 1], ["sku": "C", "requested": 1, "available": 0]])
            #expect(try await Self.level(client, "A")["reserved"] == 0)
            #expect(try await Self.level(client, "B")["reserved"] == 0)
            let taken = try await Self.reserve(client, "order-1", ["A": 2, "B": 1])
            #expect(taken["status"] == "ACTIVE")
            #expect(taken["lines"] == [["sku": "A", "quantity": 2], ["sku": "B", "quantity": 1]])
            #expect(try await Self.level(client, "B")["available"] == 0)
        }
    }

    @Test("the same key reserves once; with other lines it is refused")
    func idempotentReserve() async throws {
        try await Self.withInventory { client, _ in
            try await Self.stock(client, "A", 5)
            let first = try await Self.reserve(client, "order-1", ["A": 2])
            let again = try await Self.reserve(client, "order-1", ["A": 2])
            #expect(again == first)
            #expect(try await Self.level(client, "A")["reserved"] == 2)
            let reused = await #expect(throws: BrokerError.self) { try await Self.reserve(client, "order-1", ["A": 3]) }
            #expect(reused?.status == 409)
            #expect(reused?.type == "IDEMPOTENCY_KEY_REUSED")
            #expect(try await Self.level(client, "A")["reserved"] == 2)
        }
    }

    @Test("commit, release and restock move stock once each; a change the status forbids is 409 INVALID_STATE")
    func stateMachine() async throws {
        try await Self.withInventory { client, _ in
            try await Self.stock(client, "A", 10)
            _ = try await Self.reserve(client, "paid", ["A": 3])
            _ = try await Self.reserve(client, "failed", ["A": 2])
            #expect(try await client.call("inventory.commit", ["key": "paid"])["status"] == "COMMITTED")
            #expect(try await client.call("inventory.commit", ["key": "paid"])["status"] == "COMMITTED")
            #expect(try await Self.level(client, "A") == ["sku": "A", "onHand": 7, "reserved": 2, "available": 5])
            #expect(try await client.call("inventory.release", ["key": "failed"])["status"] == "RELEASED")
            #expect(try await client.call("inventory.release", ["key": "failed"])["status"] == "RELEASED")
            #expect(try await Self.level(client, "A") == ["sku": "A", "onHand": 7, "reserved": 0, "available": 7])
            for (action, key) in [("inventory.release", "paid"), ("inventory.commit", "failed"), ("inventory.restock", "failed")] {
                let refused = await #expect(throws: BrokerError.self) { try await client.call(action, ["key": .string(key)]) }
                #expect(refused?.status == 409, "\(action) \(key)")
                #expect(refused?.type == "INVALID_STATE", "\(action) \(key)")
            }
            #expect(try await client.call("inventory.restock", ["key": "paid"])["status"] == "RETURNED")
            #expect(try await client.call("inventory.restock", ["key": "paid"])["status"] == "RETURNED")
            #expect(try await Self.level(client, "A") == ["sku": "A", "onHand": 10, "reserved": 0, "available": 10])
            let missing = await #expect(throws: BrokerError.self) { try await client.call("inventory.commit", ["key": "nope"]) }
            #expect(missing?.status == 404)
        }
    }

    @Test("an ACTIVE reservation expires after its TTL as the clock advances, announcing the stock it frees")
    func expiry() async throws {
        let heard = Recorder<JSON>()
        try await Self.withInventory(settings: ["reservationTTL": 60, "sweepInterval": 5], heard: heard) { client, cluster in
            try await Self.stock(client, "A", 4)
            _ = try await Self.reserve(client, "short", ["A": 1], ttl: 10)
            _ = try await Self.reserve(client, "default", ["A": 2])
            _ = await heard.next(3)
            // A sweep runs every 5 s of the manual clock, but its database work takes real time:
            // move the clock a second at a time until the expiry is announced (bounded).
            #expect(try await Self.advance(cluster, until: { heard.records.count >= 4 }))
            #expect(heard.records[3]["reserved"] == 2)
            #expect(try await client.call("inventory.release", ["key": "short"])["status"] == "EXPIRED")
            #expect(try await Self.level(client, "A")["reserved"] == 2)
            #expect(try await Self.advance(cluster, until: { heard.records.count >= 5 }))
            #expect(cluster.clock.now >= .seconds(60))
            #expect([heard.records[4]["reserved"], heard.records[4]["available"]] == [0, 4])
            #expect(try await Self.level(client, "A")["reserved"] == 0)
            let late = await #expect(throws: BrokerError.self) { try await client.call("inventory.commit", ["key": "default"]) }
            #expect(late?.type == "INVALID_STATE")
        }
    }

    @Test("stock.updated is relayed after each change, with the event id and source")
    func stockUpdated() async throws {
        let heard = Recorder<JSON>()
        try await Self.withInventory(heard: heard) { client, _ in
            try await Self.stock(client, "A", 10)
            _ = try await Self.reserve(client, "order-1", ["A": 2])
            _ = try await client.call("inventory.commit", ["key": "order-1"])
            let events = await heard.next(3)
            #expect(events.map { [$0["onHand"], $0["reserved"], $0["available"]] } == [[10, 0, 10], [10, 2, 8], [8, 0, 8]])
            #expect(events.allSatisfy { $0["sku"] == "A" && $0["source"] == "inventory" && $0["id"]?.stringValue != nil })
        }
    }

    @Test("50 concurrent reserves of one unit against 10 on hand: exactly 10 succeed, the rest are OUT_OF_STOCK")
    func noOverselling() async throws {
        try await Self.withInventory { client, _ in
            try await Self.stock(client, "HOT", 10)
            let outcomes = await withTaskGroup(of: String.self) { group in
                for index in 0..<50 {
                    group.addTask {
                        do {
                            return try await Self.reserve(client, "order-\(index)", ["HOT": 1])["status"]?.stringValue ?? "?"
                        } catch let error as BrokerError {
                            return error.type ?? error.message
                        } catch {
                            return "\(error)"
                        }
                    }
                }
                var outcomes: [String: Int] = [:]
                for await outcome in group { outcomes[outcome, default: 0] += 1 }
                return outcomes
            }
            #expect(outcomes == ["ACTIVE": 10, "OUT_OF_STOCK": 40])
            #expect(try await Self.level(client, "HOT") == ["sku": "HOT", "onHand": 10, "reserved": 10, "available": 0])
        }
    }
}
