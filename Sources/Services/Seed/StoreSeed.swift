import Broker

/// Fills a store with deterministic demo data (a fixed seed) through its services' own actions,
/// on a broker that runs them: an admin, the category tree, products named from a vocabulary
/// (so keyword search finds realistic hits) with 1 to 4 variants each, stock for every SKU, one
/// "hot" SKU with little stock for contention runs, and demo customers.
public struct StoreSeed: Sendable {
    public struct Summary: Sendable {
        public var adminEmail: String
        public var adminPassword: String
        public var customerPassword: String
        public var categories: Int
        public var products: Int
        public var skus: Int
        public var customers: Int
    }

    public static let hotSKU = "HOT-TEE-M-BLACK"
    static let adminMeta: [String: JSON] = ["user": StoreUser(id: 0, email: "seed@quark.store", roles: [.admin]).json]

    let broker: ServiceBroker
    let tier: SeedTier
    let progress: @Sendable (String) -> Void

    public init(broker: ServiceBroker, tier: SeedTier, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.broker = broker
        self.tier = tier
        self.progress = progress
    }

    /// Seeds; `adminPassword` is the admin's (random unless given).
    public func run(adminPassword: String) async throws -> Summary {
        var random = SeededRandom(seed: 0x5EED_2026)
        let options = CallOptions(meta: Self.adminMeta)
        _ = try await broker.call(
            "users.createUser",
            ["email": "admin@quark.store", "password": .string(adminPassword), "name": "Store Admin", "roles": ["admin"]], options: options)
        for (parent, children) in SeedVocabulary.categories {
            _ = try await broker.call("categories.create", ["name": .string(parent)], options: options)
            for child in children {
                _ = try await broker.call("categories.create", ["name": .string(child), "parent": .string(Slug.make(parent))], options: options)
            }
        }
        var skus = 0
        for index in 0..<tier.products {
            let product = SeedVocabulary.product(index, &random)
            _ = try await broker.call("products.create", product.json, options: options)
            for sku in product.skus {
                let stock = sku == Self.hotSKU ? 20 : Int(random.next() % 60)
                if stock > 0 {
                    _ = try await broker.call("inventory.adjust", ["sku": .string(sku), "delta": .int(stock), "reason": "seed"], options: options)
                }
            }
            skus += product.skus.count
            if (index + 1).isMultiple(of: 100) || index + 1 == tier.products { progress("products: \(index + 1)/\(tier.products)") }
        }
        let customerPassword = "quark-demo-1"
        for index in 0..<tier.customers {
            let name = SeedVocabulary.customerName(index)
            _ = try await broker.call(
                "users.createUser",
                ["email": .string("customer\(index + 1)@example.com"), "password": .string(customerPassword), "name": .string(name), "roles": ["customer"]],
                options: options)
            if (index + 1).isMultiple(of: 100) || index + 1 == tier.customers { progress("customers: \(index + 1)/\(tier.customers)") }
        }
        return Summary(
            adminEmail: "admin@quark.store", adminPassword: adminPassword, customerPassword: customerPassword,
            categories: SeedVocabulary.categories.reduce(0) { $0 + 1 + $1.children.count }, products: tier.products, skus: skus,
            customers: tier.customers)
    }
}
