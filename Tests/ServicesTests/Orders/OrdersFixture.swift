import Broker
import BrokerTesting
import Services

/// A store on an in-memory hub for the orders tests: catalog (products, inventory), commerce
/// (carts, payments), ordering (orders alone, so it can be stopped and restarted), fulfilment
/// (shipping) and a client node; one product, "Classic
/// Tee", with 5 red S (19.99) and 1 blue M (21.99).
struct OrdersFixture {
    static let staff = CallOptions(meta: ["user": StoreUser(id: 1, email: "staff@example.com", roles: [.staff]).json])
    static let ada = CallOptions(meta: ["user": StoreUser(id: 7, email: "ada@example.com", roles: [.customer]).json])
    static let bob = CallOptions(meta: ["user": StoreUser(id: 8, email: "bob@example.com", roles: [.customer]).json])

    let cluster: TestCluster
    var client: ServiceBroker { cluster["client"] }

    init(orders: ServiceEnvironment = .inMemory()) async throws {
        cluster = try await TestCluster([
            "catalog": [try ProductsService.make(.inMemory()), try InventoryService.make(.inMemory())],
            "commerce": [try CartsService.make(.inMemory()), PaymentsService.make(.inMemory())],
            "ordering": [try OrdersService.make(orders)],
            "fulfilment": [try ShippingService.make(.inMemory())],
            "client": [],
        ])
        try await cluster.start()
        let variants: JSON = [
            ["sku": "TEE-S-RED", "size": "S", "colour": "red", "price": 1999],
            ["sku": "TEE-M-BLUE", "size": "M", "colour": "blue", "price": 2199],
        ]
        _ = try await client.call("products.create", ["name": "Classic Tee", "currency": "EUR", "variants": variants], options: Self.staff)
        _ = try await client.call("inventory.adjust", ["sku": "TEE-S-RED", "delta": 5, "reason": "delivery"], options: Self.staff)
        _ = try await client.call("inventory.adjust", ["sku": "TEE-M-BLUE", "delta": 1, "reason": "delivery"], options: Self.staff)
    }

    static func checkout(key: String, card: String = "4242424242424242", option: String = "standard") -> JSON {
        [
            "shippingAddress": ["name": "Ada Lovelace", "line1": "1 Main St", "city": "Berlin", "postalCode": "10115", "country": "DE"],
            "shippingOption": .string(option), "idempotencyKey": .string(key),
            "payment": ["cardNumber": .string(card), "expMonth": 12, "expYear": 2099, "cvc": "123"],
        ]
    }

    func available(_ sku: String) async throws -> Int? {
        try await client.call("inventory.get", ["sku": .string(sku)])["available"]?.intValue
    }

    func stop() async {
        await cluster.stop()
    }
}
