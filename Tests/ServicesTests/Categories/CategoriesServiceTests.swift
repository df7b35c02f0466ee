import Broker
import BrokerTesting
import Services
import Testing

@Suite("The categories service and slugs")
struct CategoriesServiceTests {
    static let staff = CallOptions(meta: ["user": StoreUser(id: 1, email: "staff@example.com", roles: [.staff]).json])
    static let customer = CallOptions(meta: ["user": StoreUser(id: 2, email: "ada@example.com", roles: [.customer]).json])

    @Test("slugs are lowercase ASCII words joined by dashes")
    func slugs() {
        #expect(Slug.make("Men's T-Shirts & Tops") == "men-s-t-shirts-tops")
        #expect(Slug.make("  Crème Brûlée  ") == "creme-brulee")
        #expect(Slug.make("Size 42 / EU") == "size-42-eu")
        #expect(Slug.make("!!!") == "")
        #expect(Slug.isValid("men-s-t-shirts"))
        #expect(!Slug.isValid("Men"))
    }

    @Test("staff build the tree; everyone reads it; descendants include the category itself")
    func tree() async throws {
        try await withServices([CategoriesService.make(.inMemory())]) { client async throws in
            _ = try await client.call("categories.create", ["name": "Clothing"], options: Self.staff)
            _ = try await client.call("categories.create", ["name": "T-Shirts", "parent": "clothing"], options: Self.staff)
            _ = try await client.call("categories.create", ["name": "V-Neck", "parent": "t-shirts"], options: Self.staff)
            _ = try await client.call("categories.create", ["name": "Shoes"], options: Self.staff)
            let tree = try await client.call("categories.tree")
            #expect(tree.arrayValue?.compactMap { $0["slug"]?.stringValue } == ["clothing", "shoes"])
            #expect(tree[0]?["children"]?[0]?["children"]?[0]?["slug"] == "v-neck")
            #expect(try await client.call("categories.descendants", ["slug": "clothing"]) == ["clothing", "t-shirts", "v-neck"])
            #expect(try await client.call("categories.descendants", ["slug": "shoes"]) == ["shoes"])
        }
    }

    @Test("customers may not create; a taken slug is 409; an unknown parent or category is 404")
    func refusals() async throws {
        try await withServices([CategoriesService.make(.inMemory())]) { client async throws in
            let forbidden = await #expect(throws: BrokerError.self) {
                try await client.call("categories.create", ["name": "Hats"], options: Self.customer)
            }
            #expect(forbidden?.status == 403)
            _ = try await client.call("categories.create", ["name": "Hats"], options: Self.staff)
            let taken = await #expect(throws: BrokerError.self) {
                try await client.call("categories.create", ["name": "HATS!"], options: Self.staff)
            }
            #expect(taken?.type == "SLUG_TAKEN")
            let orphan = await #expect(throws: BrokerError.self) {
                try await client.call("categories.create", ["name": "Caps", "parent": "nope"], options: Self.staff)
            }
            #expect(orphan?.status == 404)
            let missing = await #expect(throws: BrokerError.self) { try await client.call("categories.descendants", ["slug": "nope"]) }
            #expect(missing?.type == "ENTITY_NOT_FOUND")
            let empty = await #expect(throws: BrokerError.self) {
                try await client.call("categories.create", ["name": "???"], options: Self.staff)
            }
            #expect(empty?.status == 422)
        }
    }
}
