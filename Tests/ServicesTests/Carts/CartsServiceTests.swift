import Broker
import BrokerTesting
import Services
import Testing

@Suite("The carts service", .timeLimit(.minutes(2)))
struct CartsServiceTests {
    static let staff = CallOptions(meta: ["user": StoreUser(id: 1, email: "staff@example.com", roles: [.staff]).json])
    static let ada = CallOptions(meta: ["user": StoreUser(id: 7, email: "ada@example.com", roles: [.customer]).json])

    /// Products, inventory and carts, with a tee in two variants: 5 red S, 1 blue M.
    static func store(_ body: (ServiceBroker) async throws -> Void) async throws {
        let services = [try ProductsService.make(.inMemory()), try InventoryService.make(.inMemory()), try CartsService.make(.inMemory())]
        try await withServices(services) { client async throws in
            let variants: JSON = [
                ["sku": "TEE-S-RED", "size": "S", "colour": "red", "price": 1999],
                ["sku": "TEE-M-BLUE", "size": "M", "colour": "blue", "price": 2199],
            ]
            _ = try await client.call("products.create", ["name": "Classic Tee", "currency": "EUR", "variants": variants], options: Self.staff)
            _ = try await client.call("inventory.adjust", ["sku": "TEE-S-RED", "delta": 5, "reason": "delivery"], options: Self.staff)
            _ = try await client.call("inventory.adjust", ["sku": "TEE-M-BLUE", "delta": 1, "reason": "delivery"], options: Self.staff)
            try await body(client)
        }
    }

    @Test("a customer's cart: add, add again, update, remove; lines and subtotal in minor units")
    func customerCart() async throws {
        try await Self.store { client in
            #expect(try await client.call("carts.get", [:], options: Self.ada)["lines"] == [])
            _ = try await client.call("carts.addItem", ["sku": "TEE-S-RED"], options: Self.ada)
            let cart = try await client.call("carts.addItem", ["sku": "TEE-S-RED", "quantity": 2], options: Self.ada)
            #expect(cart["lines"]?[0]?["quantity"] == 3)
            #expect(cart["lines"]?[0]?["lineTotal"] == ["amount": 5997, "currency": "EUR"])
            #expect(cart["lines"]?[0]?["name"] == "Classic Tee")
            let both = try await client.call("carts.addItem", ["sku": "TEE-M-BLUE"], options: Self.ada)
            #expect(both["subtotal"] == ["amount": 8196, "currency": "EUR"])
            #expect(both["itemCount"] == 4)
            let updated = try await client.call("carts.updateItem", ["sku": "TEE-S-RED", "quantity": 1], options: Self.ada)
            #expect(updated["subtotal"] == ["amount": 4198, "currency": "EUR"])
            let removed = try await client.call("carts.removeItem", ["sku": "TEE-M-BLUE"], options: Self.ada)
            #expect(removed["lines"]?.arrayValue?.count == 1)
            #expect(try await client.call("carts.get", [:], options: Self.ada)["id"] == removed["id"])
        }
    }

    @Test("more than the stock is 409 OUT_OF_STOCK; an unknown SKU is 404; prices are read anew")
    func refusalsAndPrices() async throws {
        try await Self.store { client in
            let short = await #expect(throws: BrokerError.self) {
                try await client.call("carts.addItem", ["sku": "TEE-M-BLUE", "quantity": 2], options: Self.ada)
            }
            #expect(short?.type == "OUT_OF_STOCK")
            #expect(short?.data?[0]?["available"] == 1)
            let unknown = await #expect(throws: BrokerError.self) { try await client.call("carts.addItem", ["sku": "NOPE"], options: Self.ada) }
            #expect(unknown?.status == 404)
            let zero = await #expect(throws: BrokerError.self) { try await client.call("carts.addItem", ["sku": "TEE-S-RED", "quantity": 0], options: Self.ada) }
            #expect(zero?.status == 422)
            _ = try await client.call("carts.addItem", ["sku": "TEE-S-RED"], options: Self.ada)
            let product = try await client.call("products.get", ["idOrSlug": "classic-tee"])
            _ = try await client.call(
                "products.update",
                ["id": product["id"] ?? .null, "variants": [["sku": "TEE-S-RED", "size": "S", "colour": "red", "price": 1499], ["sku": "TEE-M-BLUE", "size": "M", "colour": "blue", "price": 2199]]],
                options: Self.staff)
            #expect(try await client.call("carts.get", [:], options: Self.ada)["subtotal"] == ["amount": 1499, "currency": "EUR"])
        }
    }

    @Test("a guest keeps a cart by its id; an unknown id or a customer's cart id is 404 to a guest")
    func guestCart() async throws {
        try await Self.store { client in
            let cart = try await client.call("carts.addItem", ["sku": "TEE-S-RED"])
            let id = try #require(cart["id"])
            #expect(try await client.call("carts.get", ["cartId": id])["itemCount"] == 1)
            let fresh = try await client.call("carts.get")
            #expect(fresh["lines"] == [] && fresh["id"] != id)
            let unknown = await #expect(throws: BrokerError.self) { try await client.call("carts.get", ["cartId": "6b3c9c38-1111-4222-8333-444455556666"]) }
            #expect(unknown?.status == 404)
            let adas = try await client.call("carts.addItem", ["sku": "TEE-S-RED"], options: Self.ada)["id"] ?? .null
            let notYours = await #expect(throws: BrokerError.self) { try await client.call("carts.get", ["cartId": adas]) }
            #expect(notYours?.status == 404)
        }
    }
}
