import Broker
import Foundation
import Services
import Testing

/// The store across real node processes: `quark up` on the nodes.yml layout (ephemeral ports,
/// a temporary data directory, ZeroMQ) seeds the demo store, and the test process, joined to
/// the mesh, is a customer and the staff.
@Suite("The store across node processes", .serialized, .timeLimit(.minutes(3)))
struct StoreJourneyTests {
    @Test("register, browse, cart, checkout (paid), a declined card (stock back), ship, track, the feed")
    func journey() async throws {
        let store = try await StoreUp()
        defer { store.remove() }
        let (up, client) = (store.up, store.client)
        #expect(up.lines.contains { $0.hasPrefix("[up] admin login: admin@quark.store / ") })

        let ada = try await client.call("users.register", ["email": "ada@example.com", "password": "correct horse", "name": "Ada"])
        let asAda = CallOptions(meta: ["user": ["id": ada["id"] ?? .null, "email": "ada@example.com", "roles": ["customer"]]])
        let staff = CallOptions(meta: ["user": StoreUser(id: 1, email: "admin@quark.store", roles: [.admin]).json])
        #expect(try await client.call("products.list")["total"] == 200)
        let hot = StoreSeed.hotSKU
        _ = try await client.call("carts.addItem", ["sku": .string(hot), "quantity": 2], options: asAda)
        let paid = try await client.call("orders.checkout", StoreUp.order(key: "first"), options: asAda)
        #expect(paid["status"] == "PAID")
        #expect(try await client.call("inventory.get", ["sku": .string(hot)])["available"] == 18)

        _ = try await client.call("carts.addItem", ["sku": .string(hot), "quantity": 3], options: asAda)
        let declined = await #expect(throws: BrokerError.self) {
            try await client.call("orders.checkout", StoreUp.order(key: "second", card: "4000000000000002"), options: asAda)
        }
        #expect(declined?.status == 402)
        #expect(try await client.call("inventory.get", ["sku": .string(hot)]) == ["sku": .string(hot), "onHand": 18, "reserved": 0, "available": 18])

        let shipped = try await client.call("orders.ship", ["id": paid["id"] ?? .null], options: staff)
        let tracking = try #require(shipped["shipment"]?["trackingNumber"])
        #expect(try await client.call("shipping.track", ["trackingNumber": tracking])["status"] == "LABEL_CREATED")
        let titles: () async throws -> [String] = {
            try await client.call("notifications.list", [:], options: asAda)["rows"]?.arrayValue?.compactMap { $0["title"]?.stringValue } ?? []
        }
        let deadline = ContinuousClock.now + .seconds(20)
        while try await !titles().contains("Your order has shipped"), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(200)) }
        #expect(try await titles().contains("Your order has shipped"))
        #expect(try await titles().contains("Payment failed"))
        #expect(await store.stop() == 0, "stderr: \(up.stderr)")
    }

    @Test("a flash sale: 200 concurrent checkouts for the hot SKU's 20 units end with exactly 20 paid orders, 180 OUT_OF_STOCK and stock 0")
    func flashSale() async throws {
        let store = try await StoreUp()
        defer { store.remove() }
        let (up, client) = (store.up, store.client)
        let hot = JSON.string(StoreSeed.hotSKU)
        let buyers = (1000..<1200).map { CallOptions(meta: ["user": StoreUser(id: $0, email: "buyer\($0)@example.com", roles: [.customer]).json]) }
        for buyer in buyers { _ = try await client.call("carts.addItem", ["sku": hot], options: buyer) }
        let outcomes = await withTaskGroup(of: String.self) { group in
            for buyer in buyers {
                group.addTask {
                    let order: JSON = StoreUp.order(key: "sale")
                    do {
                        return try await client.call("orders.checkout", order, options: buyer)["status"]?.stringValue ?? "?"
                    } catch let error as BrokerError {
                        return error.type ?? error.code.name
                    } catch {
                        return "\(error)"
                    }
                }
            }
            return await group.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        }
        #expect(outcomes == ["PAID": 20, "OUT_OF_STOCK": 180])
        #expect(try await client.call("inventory.get", ["sku": hot]) == ["sku": hot, "onHand": 0, "reserved": 0, "available": 0])
        #expect(await store.stop() == 0, "stderr: \(up.stderr)")
    }

    @Test("kill -9 of the orders node during 50 checkouts: after its restart every order ends paid or failed, no stock stays reserved, no event lost or applied twice")
    func crashDuringCheckouts() async throws {
        let store = try await StoreUp()
        defer { store.remove() }
        let (up, client) = (store.up, store.client)
        let hot = JSON.string(StoreSeed.hotSKU)
        let buyers = (2000..<2050).map { CallOptions(meta: ["user": StoreUser(id: $0, email: "b\($0)@example.com", roles: [.customer]).json]) }
        for buyer in buyers { _ = try await client.call("carts.addItem", ["sku": hot], options: buyer) }
        let staff = CallOptions(meta: ["user": StoreUser(id: 1, email: "admin@quark.store", roles: [.admin]).json])
        _ = try await client.call("inventory.adjust", ["sku": hot, "delta": 100, "reason": "restock"], options: staff)  // 120: enough for all
        let commerce = try #require(up.childPIDs["commerce"])
        let checkouts = Task {
            await withTaskGroup(of: Void.self) { group in
                for buyer in buyers {
                    group.addTask {
                        let order: JSON = StoreUp.order(key: "crash")
                        _ = try? await client.call("orders.checkout", order, options: buyer)
                    }
                }
            }
        }
        // Kill the orders node as soon as the first reservations are taken: checkouts are in flight.
        let started = ContinuousClock.now + .seconds(20)
        while try await client.call("inventory.get", ["sku": hot])["available"]?.intValue ?? 0 > 117, ContinuousClock.now < started {
            try await Task.sleep(for: .milliseconds(2))
        }
        kill(commerce, SIGKILL)
        await checkouts.value
        try await up.waitForLines(2, timeout: .seconds(60)) { $0.hasPrefix("[commerce] ready") }
        try await client.waitForServices(["orders"], timeout: .seconds(20))
        // Recovery runs at start and every 5 s: wait (bounded) until no stock is reserved.
        let deadline = ContinuousClock.now + .seconds(40)
        while try await client.call("inventory.get", ["sku": hot])["reserved"] != 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(250))
        }
        let stock = try await client.call("inventory.get", ["sku": hot])
        #expect(stock["reserved"] == 0)
        let orders = try await client.call("orders.listAll", ["pageSize": 100], options: staff)["rows"]?.arrayValue ?? []
        let statuses = orders.compactMap { $0["status"]?.stringValue }
        #expect(statuses.allSatisfy { ["PAID", "PAYMENT_FAILED", "EXPIRED"].contains($0) }, "\(statuses)")
        #expect(statuses.filter { $0 == "PAID" }.count == 120 - (stock["onHand"]?.intValue ?? -1))
        // No event lost or applied twice: once caught up, each buyer's feed is what its order's
        // events make, each line once.
        var wrong: [String] = []
        let caughtUp = ContinuousClock.now + .seconds(30)
        repeat {
            wrong = []
            for buyer in buyers {
                let order = try await client.call("orders.list", [:], options: buyer)["rows"]?[0]
                let feed = try await client.call("notifications.list", ["pageSize": 100], options: buyer)["rows"]?.arrayValue ?? []
                let titles = feed.compactMap { $0["title"]?.stringValue }.sorted()
                if !Self.feedMatches(titles, order) { wrong.append("\(order?["status"] ?? "no order"): \(titles)") }
            }
            if wrong.isEmpty { break }
            try await Task.sleep(for: .milliseconds(250))
        } while ContinuousClock.now < caughtUp
        #expect(wrong.isEmpty, "\(wrong)")
        #expect(await store.stop() == 0, "stderr: \(up.stderr)")
    }

    /// Whether a customer's notification titles are exactly those its one order's events make.
    private static func feedMatches(_ titles: [String], _ order: JSON?) -> Bool {
        guard let order, let number = order["number"]?.stringValue else { return titles.isEmpty }
        let received = "Order \(number) received"
        switch order["status"]?.stringValue {
        case "PAID": return titles == [received, "Order \(number) is paid", "Payment received"].sorted()
        case "EXPIRED": return titles == [received]
        case "PAYMENT_FAILED": return titles == [received] || titles == [received, "Payment failed"].sorted()
        default: return false
        }
    }

    @Test("the notifications node killed during checkouts gets every event after it is back: each customer's feed is complete")
    func consumerDown() async throws {
        let store = try await StoreUp()
        defer { store.remove() }
        let (up, client) = (store.up, store.client)
        let buyers = (3000..<3010).map { CallOptions(meta: ["user": StoreUser(id: $0, email: "c\($0)@example.com", roles: [.customer]).json]) }
        for buyer in buyers { _ = try await client.call("carts.addItem", ["sku": .string(StoreSeed.hotSKU)], options: buyer) }
        kill(try #require(up.childPIDs["engagement"]), SIGKILL)
        for buyer in buyers {
            let order: JSON = StoreUp.order(key: "down")
            #expect(try await client.call("orders.checkout", order, options: buyer)["status"] == "PAID")
        }
        try await up.waitForLines(2, timeout: .seconds(60)) { $0.hasPrefix("[engagement] ready") }
        try await client.waitForServices(["notifications"], timeout: .seconds(20))
        // Each order makes three lines: received, payment received, paid. Catch-up runs at start.
        let deadline = ContinuousClock.now + .seconds(40)
        var counts: [Int] = []
        repeat {
            counts = []
            for buyer in buyers { counts.append(try await client.call("notifications.list", [:], options: buyer)["total"]?.intValue ?? 0) }
            if counts.allSatisfy({ $0 == 3 }) { break }
            try await Task.sleep(for: .milliseconds(250))
        } while ContinuousClock.now < deadline
        #expect(counts == Array(repeating: 3, count: buyers.count))
        #expect(await store.stop() == 0, "stderr: \(up.stderr)")
    }
}
