import Broker
import BrokerTesting
import Services
import Testing

@Suite("The products service", .timeLimit(.minutes(2)))
struct ProductsServiceTests {
    static let staff = CallOptions(meta: ["user": StoreUser(id: 1, email: "staff@example.com", roles: [.staff]).json])
    static let customer = CallOptions(meta: ["user": StoreUser(id: 2, email: "ada@example.com", roles: [.customer]).json])

    /// A stand-in for the inventory service: `levels` answers fixed stock.
    static func inventory(_ stock: [String: Int]) -> ServiceSchema {
        ServiceSchema(name: "inventory", actions: [
            ActionSchema("levels") { ctx in
                let skus = ctx.params["skus"]?.arrayValue?.compactMap(\.stringValue) ?? []
                return .array(skus.compactMap { sku in stock[sku].map { ["sku": .string(sku), "available": .int($0)] } })
            },
        ])
    }

    static func tee(_ name: String, size: String, colour: String, price: Int) -> JSON {
        ["sku": .string(name), "size": .string(size), "colour": .string(colour), "price": .int(price)]
    }

    static let shirt: JSON = [
        "name": "Classic Tee", "category": "t-shirts", "currency": "EUR",
        "variants": [tee("TEE-S-RED", size: "S", colour: "red", price: 1999), tee("TEE-M-BLUE", size: "M", colour: "blue", price: 2199)],
    ]

    @Test("staff create products with a slug, variants priced in minor units and a written description; get reads stock")
    func createAndGet() async throws {
        let services = [try ProductsService.make(.inMemory()), Self.inventory(["TEE-S-RED": 3])]
        try await withServices(services) { client async throws in
            let created = try await client.call("products.create", Self.shirt, options: Self.staff)
            #expect(created["slug"] == "classic-tee")
            #expect(created["variants"]?[0]?["price"] == ["amount": 1999, "currency": "EUR"])
            #expect(created["variants"]?[1]?["options"] == ["size": "M", "colour": "blue"])
            #expect(created["description"]?.stringValue?.contains("2 sizes and 2 colours from EUR 19.99") == true)
            let again = try await client.call("products.create", ["name": "Classic Tee", "currency": "EUR", "variants": [Self.tee("TEE-L", size: "L", colour: "red", price: 1)]], options: Self.staff)
            #expect(again["slug"] == "classic-tee-2")
            let bySlug = try await client.call("products.get", ["idOrSlug": "classic-tee"])
            let byID = try await client.call("products.get", ["idOrSlug": .string("\(created["id"]?.intValue ?? 0)")])
            #expect(bySlug == byID)
            #expect(bySlug["variants"]?[0]?["stock"] == 3)
            #expect(bySlug["variants"]?[1]?["stock"] == 0)
        }
    }

    @Test("with the real inventory service, stock set by staff shows on the product and in the list")
    func realInventory() async throws {
        try await withServices([try ProductsService.make(.inMemory()), try InventoryService.make(.inMemory())]) { client async throws in
            _ = try await client.call("products.create", Self.shirt, options: Self.staff)
            _ = try await client.call("inventory.adjust", ["sku": "TEE-M-BLUE", "delta": 7, "reason": "delivery"], options: Self.staff)
            let product = try await client.call("products.get", ["idOrSlug": "classic-tee"])
            #expect(product["variants"]?.arrayValue?.map { $0["stock"] } == [0, 7])
            #expect(try await client.call("products.list")["rows"]?[0]?["inStock"] == true)
        }
    }

    @Test("customers may not write; bad fields are 422; a SKU belongs to one product; an unknown product is 404")
    func refusals() async throws {
        try await withServices([try ProductsService.make(.inMemory())]) { client async throws in
            let forbidden = await #expect(throws: BrokerError.self) { try await client.call("products.create", Self.shirt, options: Self.customer) }
            #expect(forbidden?.status == 403)
            let invalid = await #expect(throws: BrokerError.self) {
                try await client.call("products.create", ["name": "X", "currency": "euro", "variants": [Self.tee("A", size: "S", colour: "red", price: -1)]], options: Self.staff)
            }
            #expect(Set(invalid?.data?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? []) == ["currency", "variants[0].price"])
            let missing = await #expect(throws: BrokerError.self) { try await client.call("products.create", ["name": "X"], options: Self.staff) }
            #expect(Set(missing?.data?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? []) == ["currency", "variants"])
            _ = try await client.call("products.create", Self.shirt, options: Self.staff)
            let taken = await #expect(throws: BrokerError.self) {
                try await client.call("products.create", ["name": "Copy", "currency": "EUR", "variants": [Self.tee("TEE-S-RED", size: "S", colour: "red", price: 1)]], options: Self.staff)
            }
            #expect(taken?.type == "SKU_TAKEN")
            let unknown = await #expect(throws: BrokerError.self) { try await client.call("products.get", ["idOrSlug": "nope"]) }
            #expect(unknown?.status == 404)
            // Without an inventory service the product still reads, with unknown stock.
            #expect(try await client.call("products.get", ["idOrSlug": "classic-tee"])["variants"]?[0]?["stock"] == .null)
        }
    }

    @Test("list pages, sorts, filters by category with its sub-categories, and says what is in stock")
    func list() async throws {
        let services = [try ProductsService.make(.inMemory()), try CategoriesService.make(.inMemory()), Self.inventory(["B": 1])]
        try await withServices(services) { client async throws in
            _ = try await client.call("categories.create", ["name": "Clothing"], options: Self.staff)
            _ = try await client.call("categories.create", ["name": "T-Shirts", "parent": "clothing"], options: Self.staff)
            for (name, sku, price, category) in [("Alpha", "A", 500, "t-shirts"), ("Bravo", "B", 300, "clothing"), ("Charlie", "C", 900, "shoes")] {
                _ = try await client.call(
                    "products.create",
                    ["name": .string(name), "category": .string(category), "currency": "EUR", "variants": [Self.tee(sku, size: "M", colour: "red", price: price)]],
                    options: Self.staff)
            }
            let first = try await client.call("products.list", ["pageSize": 2])
            #expect(first["total"] == 3)
            #expect(first["totalPages"] == 2)
            #expect(first["rows"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["Alpha", "Bravo"])
            let cheapest = try await client.call("products.list", ["sort": "price"])
            #expect(cheapest["rows"]?.arrayValue?.compactMap { $0["priceFrom"]?["amount"]?.intValue } == [300, 500, 900])
            let dearest = try await client.call("products.list", ["sort": "-price"])
            #expect(dearest["rows"]?[0]?["name"] == "Charlie")
            let newest = try await client.call("products.list", ["sort": "newest"])
            #expect(newest["rows"]?[0]?["name"] == "Charlie")
            let clothing = try await client.call("products.list", ["category": "clothing"])
            #expect(clothing["rows"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["Alpha", "Bravo"])
            #expect(clothing["rows"]?.arrayValue?.compactMap { $0["inStock"]?.boolValue } == [false, true])
            let badSort = await #expect(throws: BrokerError.self) { try await client.call("products.list", ["sort": "cheapest"]) }
            #expect(badSort?.status == 422)
        }
    }

    @Test("updates and deletes go out as events; a deleted product is gone from reads")
    func events() async throws {
        let seen = Recorder<String>()
        let listener = ServiceSchema(name: "search", events: ["product.created", "product.updated", "product.deleted"].map { name in
            EventSchema(name) { ctx in seen.record("\(name):\(ctx.params["product"]?["slug"]?.stringValue ?? ctx.params["slug"]?.stringValue ?? "?")") }
        })
        try await withServices([try ProductsService.make(.inMemory()), listener]) { client async throws in
            let id = try await client.call("products.create", Self.shirt, options: Self.staff)["id"] ?? .null
            let updated = try await client.call("products.update", ["id": id, "name": "Classic Tee II", "slug": "classic-tee-ii"], options: Self.staff)
            #expect(updated["name"] == "Classic Tee II")
            #expect(updated["variants"]?.arrayValue?.count == 2)
            #expect(try await client.call("products.delete", ["id": id], options: Self.staff) == ["ok": true])
            #expect(await seen.next(3) == ["product.created:classic-tee", "product.updated:classic-tee-ii", "product.deleted:classic-tee-ii"])
            let gone = await #expect(throws: BrokerError.self) { try await client.call("products.get", ["idOrSlug": "classic-tee-ii"]) }
            #expect(gone?.status == 404)
            #expect(try await client.call("products.list")["total"] == 0)
        }
    }
}
