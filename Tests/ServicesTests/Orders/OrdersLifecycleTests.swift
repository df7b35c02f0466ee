import Broker
import BrokerTesting
import Foundation
import GRDB
@testable import Services
import Testing

@Suite("Orders after checkout", .timeLimit(.minutes(2)))
struct OrdersLifecycleTests {
    typealias Shop = OrdersFixture

    @Test("cancelling a paid order gives the stock back and refunds; a second cancel is 409")
    func cancel() async throws {
        let shop = try await Shop()
        _ = try await shop.client.call("carts.addItem", ["sku": "TEE-S-RED", "quantity": 2], options: Shop.ada)
        let order = try await shop.client.call("orders.checkout", Shop.checkout(key: "k"), options: Shop.ada)
        let cancelled = try await shop.client.call("orders.cancel", ["id": order["id"] ?? .null], options: Shop.ada)
        #expect(cancelled["status"] == "CANCELLED")
        #expect(try await shop.client.call("inventory.get", ["sku": "TEE-S-RED"])["onHand"] == 5)
        #expect(try await shop.client.call("payments.get", ["key": "QS-000001"])["status"] == "REFUNDED")
        let again = await #expect(throws: BrokerError.self) { try await shop.client.call("orders.cancel", ["id": order["id"] ?? .null], options: Shop.ada) }
        #expect(again?.type == "INVALID_STATE")
        await shop.stop()
    }

    @Test("staff ship (tracking number), shipping's DELIVERED reaches the order, staff refund; customers cannot ship")
    func shipDeliverRefund() async throws {
        let shop = try await Shop()
        _ = try await shop.client.call("carts.addItem", ["sku": "TEE-S-RED"], options: Shop.ada)
        let id = try await shop.client.call("orders.checkout", Shop.checkout(key: "k"), options: Shop.ada)["id"] ?? .null
        let refused = await #expect(throws: BrokerError.self) { try await shop.client.call("orders.ship", ["id": id], options: Shop.ada) }
        #expect(refused?.status == 403)
        let shipped = try await shop.client.call("orders.ship", ["id": id], options: Shop.staff)
        #expect(shipped["status"] == "SHIPPED")
        let tracking = try #require(shipped["shipment"]?["trackingNumber"])
        let cancel = await #expect(throws: BrokerError.self) { try await shop.client.call("orders.cancel", ["id": id], options: Shop.ada) }
        #expect(cancel?.status == 409)
        _ = try await shop.client.call("shipping.advance", ["trackingNumber": tracking, "status": "IN_TRANSIT"], options: Shop.staff)
        _ = try await shop.client.call("shipping.advance", ["trackingNumber": tracking, "status": "DELIVERED"], options: Shop.staff)
        #expect(try await eventually { try await shop.client.call("orders.get", ["id": id], options: Shop.ada)["status"] == "DELIVERED" })
        let refunded = try await shop.client.call("orders.refund", ["id": id], options: Shop.staff)
        #expect(refunded["status"] == "REFUNDED")
        #expect(refunded["statusHistory"]?.arrayValue?.compactMap { $0["status"]?.stringValue } == ["PENDING_PAYMENT", "PAID", "SHIPPED", "DELIVERED", "REFUNDED"])
        #expect(try await shop.client.call("orders.listAll", ["status": "REFUNDED"], options: Shop.staff)["total"] == 1)
        await shop.stop()
    }

    /// Writes an order as a checkout that stopped after reserving would have left it.
    static func interruptedCheckout(_ shop: Shop, directory: String, key: String) async throws {
        _ = try await shop.client.call("inventory.reserve", ["key": .string(key), "lines": [["sku": "TEE-S-RED", "quantity": 2]]])
        let queue = try DatabaseQueue(path: "\(directory)/orders.sqlite")
        try await queue.write { db in
            var row = OrderRow(
                userID: 7, email: "ada@example.com", status: .pendingPayment, saga: .charging, currency: "EUR", subtotal: 3998,
                shippingPrice: 490, total: 4488, shippingAddress: "{}", shippingOption: "standard", idempotencyKey: key,
                requestHash: "x", last4: "4242", expiresAt: 0, createdAt: "2026-12-04T00:00:00Z")
            try row.insert(db)
            row.number = key
            try row.update(db)
        }
        try queue.close()
    }

    @Test("a checkout that stopped before payment is expired on restart and its stock released; one the gateway captured is completed")
    func recovery() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orders-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var environment = ServiceEnvironment.inMemory()
        environment.dataDirectory = directory
        // A first run creates the database; its node is then stopped (the saga rows are written meanwhile).
        let first = try await Shop(orders: environment)
        await first.cluster["ordering"].stop()
        try await Self.interruptedCheckout(first, directory: directory, key: "QS-000001")
        try await Self.interruptedCheckout(first, directory: directory, key: "QS-000002")
        _ = try await first.client.call("payments.authorize", [
            "key": "QS-000002", "orderID": 2, "amount": ["amount": 4488, "currency": "EUR"],
            "card": ["cardNumber": "4242424242424242", "expMonth": 12, "expYear": 2099, "cvc": "123"],
        ])
        #expect(try await first.available("TEE-S-RED") == 1)
        // The orders node comes back: recovery settles both.
        let restarted = ServiceBroker(TestCluster.configuration(nodeID: "ordering-2", hub: first.cluster.hub, clock: first.cluster.clock))
        try await restarted.createService(try OrdersService.make(environment))
        try await restarted.start()
        try await first.client.waitForServices(["orders"])
        #expect(try await eventually { try await first.client.call("orders.get", ["id": 1], options: Shop.ada)["status"] == "EXPIRED" })
        #expect(try await eventually { try await first.client.call("orders.get", ["id": 2], options: Shop.ada)["status"] == "PAID" })
        #expect(try await first.client.call("inventory.get", ["sku": "TEE-S-RED"]) == ["sku": "TEE-S-RED", "onHand": 3, "reserved": 0, "available": 3])
        #expect(try await first.client.call("payments.get", ["key": "QS-000002"])["status"] == "CAPTURED")
        await restarted.stop()
        await first.stop()
    }
}
