import Broker
import Foundation
import Services
import Testing

/// `quark seed` fills the data directories of nodes.yml with the demo store.
@Suite("quark seed", .timeLimit(.minutes(3)))
struct SeedCommandTests {
    @Test("tier S: the admin can log in, 200 products with stock and the hot SKU; a second seed is refused")
    func tierS() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quark-seed-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let config = "\(directory)/nodes.yml"
        try """
            nodes:
              - {id: identity, port: \(freePort()), services: [users]}
              - {id: catalog, port: \(freePort()), services: [products, categories, inventory]}
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let seeded = try await QuarkProcess.run(["seed", "--config", config, "--data", "\(directory)/data"], timeout: .seconds(150))
        #expect(seeded.status == 0, "stderr: \(seeded.stderr)")
        #expect(seeded.stdout.contains("seeded tier S: 12 categories, 200 products"))
        let password = try #require(seeded.stdout.split(separator: "\n").first { $0.hasPrefix("admin login: ") }?
            .split(separator: " ").dropFirst(4).first.map(String.init))
        let again = try await QuarkProcess.run(["seed", "--config", config, "--data", "\(directory)/data"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already hold databases"))

        // The seeded databases, read by the services themselves.
        var configuration = BrokerConfiguration(nodeID: "check")
        configuration.lifecycle.discoveryWait = .zero
        configuration.logger.logLevel = .critical
        let broker = ServiceBroker(configuration)
        for (service, node) in [("users", "identity"), ("products", "catalog"), ("inventory", "catalog")] {
            let make = try #require(ServiceCatalog.factories[service])
            try await broker.createService(try make(broker.environment(for: service, dataDirectory: "\(directory)/data/\(node)")))
        }
        try await broker.start()
        let login = try await broker.call("users.login", ["email": "admin@quark.store", "password": .string(password)])
        #expect(login["user"]?["roles"] == ["admin"])
        #expect(try await broker.call("products.list")["total"] == 200)
        #expect(try await broker.call("inventory.get", ["sku": .string(StoreSeed.hotSKU)])["available"] == 20)
        #expect(try await broker.call("products.list", ["category": "t-shirts"])["total"].map { $0.intValue ?? 0 > 0 } == true)
        await broker.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
