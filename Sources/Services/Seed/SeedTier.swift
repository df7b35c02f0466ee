/// How much demo data `quark seed` makes: S for trying the store, M and L for benchmarks.
public struct SeedTier: Sendable, Equatable {
    public let name: String
    public let products: Int
    public let customers: Int

    public static let small = SeedTier(name: "S", products: 200, customers: 20)
    public static let medium = SeedTier(name: "M", products: 5_000, customers: 2_000)
    public static let large = SeedTier(name: "L", products: 50_000, customers: 2_000)

    /// `S`, `M` or `L` (any case); nil otherwise.
    public init?(named name: String) {
        switch name.uppercased() {
        case "S": self = .small
        case "M": self = .medium
        case "L": self = .large
        default: return nil
        }
    }

    private init(name: String, products: Int, customers: Int) {
        self.name = name
        self.products = products
        self.customers = customers
    }
}
