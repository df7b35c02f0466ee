import ArgumentParser
import Foundation
import NodeKit
import Services

/// `quark seed`: fills the store's databases with deterministic demo data.
struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Fill the store's databases (the data directories of nodes.yml) with demo data.",
        discussion: """
            Runs the users, categories, products and inventory services in this process on the
            data directories nodes.yml gives them and fills them from a fixed seed. Refuses a
            data directory that already holds a database. Prints the admin login once.
            Examples:
              quark seed                                   (tier S, ./nodes.yml)
              quark seed --tier M --data /tmp/quark
            """
    )

    @Option(help: "S (200 products), M (5,000 products, 2,000 customers) or L (50,000 products).")
    var tier: String = "S"
    @Option(help: "The nodes.yml whose services and data directories to use.")
    var config: String = "nodes.yml"
    @Option(help: "A directory for the nodes' data: each node gets <DIR>/<id> (as quark up --data).")
    var data: String?

    func run() async throws {
        guard let tier = SeedTier(named: tier) else { throw ConfigurationFailure("--tier: \"\(tier)\" is not a tier (S, M or L)") }
        let file: NodesFile
        do {
            file = try NodesFile.load(path: config, knownServices: Set(ServiceCatalog.names))
        } catch {
            throw ConfigurationFailure(error.description)
        }
        guard StoreSeeding.isEmpty(file, root: data) else {
            throw ConfigurationFailure("cannot seed: the data directories already hold databases (seed an empty one)")
        }
        let summary = try await StoreSeeding.seed(file, root: data, tier: tier, adminPassword: StoreSeeding.newPassword()) { line in
            FileHandle.standardError.write(Data("seed: \(line)\n".utf8))
        }
        print(StoreSeeding.describe(summary, tier: tier))
    }
}
