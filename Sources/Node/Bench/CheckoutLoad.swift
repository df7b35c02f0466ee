import ArgumentParser
import Broker
import Services
import Synchronization

/// The buyers of `quark bench checkout`: each puts one item in its cart and checks out
/// (`carts.addItem`, then `orders.checkout` with a new idempotency key and a card that is
/// accepted), again and again; one such round is one checkout. Buyer `n` is the seed's
/// customer `n` (user id `n + 1`, after the admin), trusted as the gateway would set it.
final class CheckoutLoad: Sendable {
    let client: ServiceBroker
    let buyers: [CallOptions]
    /// The SKUs bought, restocked so that none runs out.
    let skus: [String]
    private let sequence = Atomic<Int>(0)

    /// Reads the SKUs of the seed's first products and restocks them.
    init(client: ServiceBroker, buyers count: Int) async throws {
        let staff = CallOptions(meta: ["user": StoreUser(id: 1, email: "admin@quark.store", roles: [.admin]).json])
        var skus: [String] = []
        var id = 2  // product 1 carries the hot SKU, kept for contention runs
        while skus.count < 100, id < 200 {
            let product = try await client.call("products.get", ["idOrSlug": .string(String(id))])
            skus += (product["variants"]?.arrayValue ?? []).compactMap { $0["sku"]?.stringValue }
            id += 1
        }
        guard !skus.isEmpty else { throw ValidationError("the seeded store has no products to buy") }
        for sku in skus {
            _ = try await client.call("inventory.adjust", ["sku": .string(sku), "delta": 1_000_000, "reason": "bench"], options: staff)
        }
        self.client = client
        self.skus = skus
        buyers = (1...count).map { n in
            CallOptions(meta: ["user": StoreUser(id: n + 1, email: "customer\(n)@example.com", roles: [.customer]).json])
        }
    }

    /// Checkouts from every buyer at once for `seconds` (after a warm-up of a tenth of it).
    func run(seconds: Double) async throws -> BenchLoop.Result {
        try await BenchLoop.run(inflight: buyers.count, seconds: seconds) { buyer in
            try await self.checkout(buyer)
        }
    }

    private func checkout(_ buyer: Int) async throws {
        let n = sequence.add(1, ordering: .relaxed).newValue
        let options = buyers[buyer]
        _ = try await client.call("carts.addItem", ["sku": .string(skus[n % skus.count])], options: options)
        let order = try await client.call("orders.checkout", Self.order(key: "bench-\(n)"), options: options)
        guard order["status"] == "PAID" else {
            throw ValidationError("checkout \(n) ended \(order["status"]?.stringValue ?? "without a status"), not PAID")
        }
    }

    private static func order(key: String) -> JSON {
        [
            "shippingAddress": ["name": "Bench Buyer", "line1": "1 Main St", "city": "Berlin", "postalCode": "10115", "country": "DE"],
            "shippingOption": "standard", "idempotencyKey": .string(key),
            "payment": ["cardNumber": "4242424242424242", "expMonth": 12, "expYear": 2099, "cvc": "123"],
        ]
    }
}
