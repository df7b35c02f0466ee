import Broker
import Foundation
import NodeKit
import Services

/// Runs the store's services in this process on the data directories nodes.yml gives them (or
/// `<root>/<id>`), and fills them with ``StoreSeed``: for `quark seed`, and for `quark up` on
/// an empty data directory.
enum StoreSeeding {
    /// The services the seed writes to, which nodes.yml must place.
    static let seeded = ["users", "categories", "products", "inventory"]

    static func dataDirectory(_ entry: NodeEntry, root: String?) -> String {
        guard let root else { return entry.dataDirectory }
        return (root.hasSuffix("/") ? String(root.dropLast()) : root) + "/" + entry.id
    }

    /// Whether no node of the file has a database yet.
    static func isEmpty(_ file: NodesFile, root: String?) -> Bool {
        file.nodes.allSatisfy { entry in
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dataDirectory(entry, root: root))) ?? []
            return !files.contains { $0.hasSuffix(".sqlite") }
        }
    }

    static func seed(
        _ file: NodesFile, root: String?, tier: SeedTier, adminPassword: String, progress: @escaping @Sendable (String) -> Void
    ) async throws -> StoreSeed.Summary {
        var configuration = BrokerConfiguration(nodeID: "seed")
        configuration.logger.logLevel = .error
        configuration.lifecycle.discoveryWait = .zero
        configuration.lifecycle.stopDelay = .zero
        let broker = ServiceBroker(configuration)
        for name in seeded {
            guard let entry = file.nodes.first(where: { $0.services.contains(name) }) else {
                throw ConfigurationFailure("cannot seed: no node of \(file.path) runs the '\(name)' service")
            }
            let directory = dataDirectory(entry, root: root)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let settings = (file.settings[name]?.objectValue ?? [:]).merging(entry.settings[name]?.objectValue ?? [:]) { $1 }
            let environment = broker.environment(for: name, dataDirectory: directory, settings: .object(settings))
            guard let make = ServiceCatalog.factories[name] else { continue }
            try await broker.createService(try make(environment))
        }
        try await broker.start()
        do {
            let summary = try await StoreSeed(broker: broker, tier: tier, progress: progress).run(adminPassword: adminPassword)
            await broker.stop()
            return summary
        } catch {
            await broker.stop()
            throw error
        }
    }

    /// A random password for the admin, printed once.
    static func newPassword() -> String {
        let letters = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return String((0..<16).map { _ in letters.randomElement()! })
    }

    static func describe(_ summary: StoreSeed.Summary, tier: SeedTier) -> String {
        """
        seeded tier \(tier.name): \(summary.categories) categories, \(summary.products) products, \(summary.skus) SKUs (hot SKU \(StoreSeed.hotSKU)), \(summary.customers) customers (customer1@example.com ... password \(summary.customerPassword))
        admin login: \(summary.adminEmail) / \(summary.adminPassword)   (shown once: keep it)
        """
    }
}
