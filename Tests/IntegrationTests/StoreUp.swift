import Broker
import Foundation

/// `quark up` on the store's layout (5 nodes over ZeroMQ, ephemeral ports, a temporary data
/// directory, seeded on start), and the test process joined to its mesh, waiting for every
/// store service.
struct StoreUp {
    let directory: String
    let up: UpProcess
    let client: ServiceBroker

    init() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("quark-store-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let config = "\(directory)/nodes.yml"
        let first = freePort()
        try """
            heartbeat: {interval: 500ms, timeout: 3s}
            logLevel: warning
            nodes:
              - {id: identity, port: \(first), services: [users, customers]}
              - {id: catalog, port: \(freePort()), services: [products, categories, inventory]}
              - {id: commerce, port: \(freePort()), services: [carts, orders, payments]}
              - {id: fulfilment, port: \(freePort()), services: [shipping]}
              - {id: engagement, port: \(freePort()), services: [notifications, email]}
            """.write(toFile: config, atomically: true, encoding: .utf8)
        up = try UpProcess(["--config", config, "--data", "\(directory)/data"])
        try await up.waitForLines(timeout: .seconds(120)) { $0.hasPrefix("quark up: all 5 nodes ready") }
        client = try await meshCaller(
            bind: "tcp://127.0.0.1:0", seed: "tcp://127.0.0.1:\(first)", waitingFor: ["identity", "catalog", "commerce", "fulfilment", "engagement"])
        try await client.waitForServices(
            ["users", "products", "inventory", "carts", "orders", "payments", "shipping", "notifications"], timeout: .seconds(20))
    }

    /// The params of a checkout to Berlin with standard shipping.
    static func order(key: String, card: String = "4242424242424242") -> JSON {
        [
            "shippingAddress": ["name": "Ada", "line1": "1 Main St", "city": "Berlin", "postalCode": "10115", "country": "DE"],
            "shippingOption": "standard", "idempotencyKey": .string(key),
            "payment": ["cardNumber": .string(card), "expMonth": 12, "expYear": 2099, "cvc": "123"],
        ]
    }

    /// Leaves the mesh and stops `quark up` with SIGTERM; its exit status.
    func stop() async -> Int32 {
        await client.stop()
        return await up.stop(signal: SIGTERM)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
