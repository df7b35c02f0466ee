import Broker
import BrokerTesting
import Services
import Testing

@Suite("Checkout", .timeLimit(.minutes(2)))
struct OrdersCheckoutTests {
    typealias Shop = OrdersFixture

    @Test("a checkout reserves, charges and commits: PAID with the price snapshot, stock taken, cart emptied")
    func paid() async throws {
        let shop = try await Shop()
        _ = try await shop.client.call("carts.addItem", ["sku": "TEE-S-RED", "quantity": 2], options: Shop.ada)
        let order = try await shop.client.call("orders.checkout", Shop.checkout(key: "k1"), options: Shop.ada)
        #expect(order["number"] == "QS-000001")
        #expect(order["status"] == "PAID")
        #expect(order["lines"]?[0]?["unitPrice"] == ["amount": 1999, "currency": "EUR"])
        #expect(order["totals"] == ["subtotal": ["amount": 3998, "currency": "EUR"], "shipping": ["amount": 490, "currency": "EUR"], "total": ["amount": 4488, "currency": "EUR"]])
        #expect(order["statusHistory"]?.arrayValue?.compactMap { $0["status"]?.stringValue } == ["PENDING_PAYMENT", "PAID"])
        #expect(order["payment"] == ["last4": "4242"])
        let stock = try await shop.client.call("inventory.get", ["sku": "TEE-S-RED"])
        #expect(stock["onHand"] == 3 && stock["reserved"] == 0)
        #expect(try await shop.client.call("carts.get", [:], options: Shop.ada)["lines"] == [])
        #expect(try await shop.client.call("payments.get", ["key": "QS-000001"])["status"] == "CAPTURED")
        let mine = try await shop.client.call("orders.list", [:], options: Shop.ada)
        #expect(mine["total"] == 1)
        let hidden = await #expect(throws: BrokerError.self) { try await shop.client.call("orders.get", ["id": order["id"] ?? .null], options: Shop.bob) }
        #expect(hidden?.status == 404)
        await shop.stop()
    }

    @Test("the same key and body answer the first order again; another body under the key is 409")
    func idempotency() async throws {
        let shop = try await Shop()
        _ = try await shop.client.call("carts.addItem", ["sku": "TEE-S-RED"], options: Shop.ada)
        let first = try await shop.client.call("orders.checkout", Shop.checkout(key: "same"), options: Shop.ada)
        let again = try await shop.client.call("orders.checkout", Shop.checkout(key: "same"), options: Shop.ada)
        #expect(again["id"] == first["id"])
        #expect(try await shop.available("TEE-S-RED") == 4)
        #expect(try await shop.client.call("orders.list", [:], options: Shop.ada)["total"] == 1)
        let other = await #expect(throws: BrokerError.self) {
            try await shop.client.call("orders.checkout", Shop.checkout(key: "same", option: "express"), options: Shop.ada)
        }
        #expect(other?.type == "IDEMPOTENCY_KEY_REUSED")
        await shop.stop()
    }

    @Test("a declined card: 402, the order PAYMENT_FAILED, its reservation released, nothing captured")
    func declined() async throws {
        let shop = try await Shop()
        _ = try await shop.client.call("carts.addItem", ["sku": "TEE-M-BLUE"], options: Shop.ada)
        let refused = await #expect(throws: BrokerError.self) {
            try await shop.client.call("orders.checkout", Shop.checkout(key: "k", card: "4000000000000002"), options: Shop.ada)
        }
        #expect(refused?.status == 402)
        #expect(refused?.type == "PAYMENT_DECLINED")
        #expect(refused?.data?["order"] == "QS-000001")
        let order = try await shop.client.call("orders.get", ["id": 1], options: Shop.ada)
        #expect(order["status"] == "PAYMENT_FAILED")
        #expect(try await shop.available("TEE-M-BLUE") == 1)
        #expect(try await shop.client.call("inventory.get", ["sku": "TEE-M-BLUE"])["reserved"] == 0)
        #expect(try await shop.client.call("carts.get", [:], options: Shop.ada)["itemCount"] == 1)
        await shop.stop()
    }

    @Test("short stock: 409 OUT_OF_STOCK, no order, nothing reserved, nothing charged; an empty cart is 409")
    func outOfStock() async throws {
        let shop = try await Shop()
        _ = try await shop.client.call("carts.addItem", ["sku": "TEE-M-BLUE"], options: Shop.ada)
        _ = try await shop.client.call("carts.addItem", ["sku": "TEE-S-RED"], options: Shop.ada)
        _ = try await shop.client.call("inventory.adjust", ["sku": "TEE-M-BLUE", "delta": -1, "reason": "damaged"], options: Shop.staff)
        let short = await #expect(throws: BrokerError.self) { try await shop.client.call("orders.checkout", Shop.checkout(key: "k"), options: Shop.ada) }
        #expect(short?.type == "OUT_OF_STOCK")
        #expect(try await shop.client.call("orders.list", [:], options: Shop.ada)["total"] == 0)
        #expect(try await shop.available("TEE-S-RED") == 5)
        let charged = await #expect(throws: BrokerError.self) { try await shop.client.call("payments.get", ["key": "QS-000001"]) }
        #expect(charged?.status == 404)
        let empty = await #expect(throws: BrokerError.self) { try await shop.client.call("orders.checkout", Shop.checkout(key: "k2"), options: Shop.bob) }
        #expect(empty?.type == "INVALID_STATE")
        let guest = await #expect(throws: BrokerError.self) { try await shop.client.call("orders.checkout", Shop.checkout(key: "k3")) }
        #expect(guest?.status == 401)
        await shop.stop()
    }

    @Test("20 concurrent checkouts for the last 5 units: exactly 5 paid, 15 OUT_OF_STOCK, stock 0, never negative")
    func noOverselling() async throws {
        let shop = try await Shop()
        let buyers = (100..<120).map { CallOptions(meta: ["user": StoreUser(id: $0, email: "buyer\($0)@example.com", roles: [.customer]).json]) }
        for buyer in buyers { _ = try await shop.client.call("carts.addItem", ["sku": "TEE-S-RED"], options: buyer) }
        let client = shop.client
        let outcomes = await withTaskGroup(of: String.self) { group in
            for buyer in buyers {
                group.addTask {
                    do {
                        return try await client.call("orders.checkout", Shop.checkout(key: "flash"), options: buyer)["status"]?.stringValue ?? "?"
                    } catch let error as BrokerError {
                        return error.type ?? error.code.name
                    } catch {
                        return "\(error)"
                    }
                }
            }
            return await group.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        }
        #expect(outcomes == ["PAID": 5, "OUT_OF_STOCK": 15])
        #expect(try await shop.client.call("inventory.get", ["sku": "TEE-S-RED"]) == ["sku": "TEE-S-RED", "onHand": 0, "reserved": 0, "available": 0])
        await shop.stop()
    }
}
