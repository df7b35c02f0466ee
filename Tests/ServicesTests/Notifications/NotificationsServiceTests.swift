import Broker
import BrokerTesting
import Services
import Testing

@Suite("The notifications service", .timeLimit(.minutes(2)))
struct NotificationsServiceTests {
    static let staff = CallOptions(meta: ["user": StoreUser(id: 1, email: "staff@example.com", roles: [.staff]).json])
    static let ada = CallOptions(meta: ["user": StoreUser(id: 7, email: "ada@example.com", roles: [.customer]).json])

    /// A stand-in producer: `<name>.enqueue {event, payload}` puts the event in its outbox.
    static func producer(_ name: String) -> ServiceSchema {
        let store = StoreService(name: name, environment: .inMemory())
        let database = store.database
        return store.schema(outbox: true, actions: [
            ActionSchema("enqueue") { ctx in
                let event = ctx.params["event"]?.stringValue ?? ""
                let payload = ctx.params["payload"] ?? [:]
                return try await database.write { db in .string(try db.enqueueEvent(event, payload)) }
            },
        ])
    }

    static func orderCreated(_ id: Int) -> JSON {
        ["event": "order.created", "payload": [
            "orderID": .int(id), "number": .string("QS-00000\(id)"), "userID": 7, "email": "ada@example.com", "name": "Ada",
            "total": ["amount": 4198, "currency": "EUR"],
        ]]
    }

    static func cluster(withEmail: Bool, settings: JSON = [:]) async throws -> TestCluster {
        var shop = [Self.producer("orders"), Self.producer("payments"), try NotificationsService.make(.inMemory(settings: settings))]
        if withEmail { shop.append(try EmailService.make(.inMemory())) }
        // The tests move the manual clock on: heartbeats must not time out meanwhile.
        let cluster = try await TestCluster(["shop": shop, "client": []]) { $0.heartbeat.timeout = .seconds(3600); $0.heartbeat.forgetAfter = .seconds(7200) }
        try await cluster.start()
        return cluster
    }

    @Test("order and payment events become the customer's feed and emails sent through the email service")
    func feedAndEmails() async throws {
        let cluster = try await Self.cluster(withEmail: true)
        let client = cluster["client"]
        _ = try await client.call("orders.enqueue", Self.orderCreated(1))
        _ = try await client.call("payments.enqueue", ["event": "payment.success", "payload": ["orderID": 1, "amount": ["amount": 4198, "currency": "EUR"]]])
        #expect(try await eventually { try await client.call("notifications.list", [:], options: Self.ada)["total"] == 2 })
        let feed = try await client.call("notifications.list", [:], options: Self.ada)
        #expect(feed["rows"]?.arrayValue?.compactMap { $0["title"]?.stringValue } == ["Payment received", "Order QS-000001 received"])
        #expect(try await eventually {
            await cluster.clock.advance(by: .seconds(2))
            return try await client.call("email.outbox", ["to": "ada@example.com"], options: Self.staff)["total"] == 2
        })
        let mail = try await client.call("email.outbox", ["to": "ada@example.com"], options: Self.staff)
        #expect(mail["rows"]?.arrayValue?.compactMap { $0["subject"]?.stringValue }.sorted() == ["Order QS-000001 is paid", "Order QS-000001 received"])
        #expect(mail["rows"]?.arrayValue?.contains { $0["body"]?.stringValue?.contains("EUR 41.98") == true } == true)
        let others = CallOptions(meta: ["user": StoreUser(id: 8, email: "bob@example.com", roles: [.customer]).json])
        #expect(try await client.call("notifications.list", [:], options: others)["total"] == 0)
        await cluster.stop()
    }

    @Test("a payment event before its order's order.created waits for it, then reaches the customer")
    func outOfOrder() async throws {
        let cluster = try await Self.cluster(withEmail: true)
        let client = cluster["client"]
        _ = try await client.call("payments.enqueue", ["event": "payment.failed", "payload": ["orderID": 2, "reason": "card declined"]])
        _ = try await client.call("orders.enqueue", Self.orderCreated(2))
        #expect(try await eventually { try await client.call("notifications.list", [:], options: Self.ada)["total"] == 2 })
        #expect(try await eventually {
            await cluster.clock.advance(by: .seconds(2))
            let subjects = try await client.call("email.outbox", [:], options: Self.staff)["rows"]?.arrayValue?.compactMap { $0["subject"]?.stringValue }
            return subjects?.contains("Payment for order QS-000002 failed") == true
        })
        await cluster.stop()
    }

    @Test("while the email service is missing, deliveries are retried and logged, then marked FAILED")
    func retries() async throws {
        let cluster = try await Self.cluster(withEmail: false, settings: ["maxAttempts": 2])
        let client = cluster["client"]
        _ = try await client.call("orders.enqueue", Self.orderCreated(3))
        #expect(try await eventually {
            await cluster.clock.advance(by: .seconds(2))
            return try await client.call("notifications.deliveries", [:], options: Self.staff)["rows"]?[0]?["status"] == "FAILED"
        })
        let log = try await client.call("notifications.deliveries", [:], options: Self.staff)["rows"]?[0]
        #expect(log?["attempts"] == 2)
        #expect(log?["lastError"]?.stringValue?.isEmpty == false)
        await cluster.stop()
    }
}
