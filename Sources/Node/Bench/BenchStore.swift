import Broker
import BrokerTesting
import Foundation
import NodeKit
import Services

/// The store of a nodes.yml, for `quark bench checkout`: its nodes that run services, run
/// either as `quark up` node processes over the ZeroMQ mesh or as one broker per node in this
/// process on an in-memory hub. Both keep their data in `<root>/<node id>`.
struct BenchStore {
    /// The file, keeping only the nodes that run services (the gateway serves no calls here).
    let file: NodesFile

    init(config: String) throws {
        var file: NodesFile
        do {
            file = try NodesFile.load(path: config, knownServices: Set(ServiceCatalog.names))
        } catch {
            throw ConfigurationFailure(error.description)
        }
        file.nodes.removeAll { $0.services.isEmpty }
        let missing = ["users", "products", "inventory", "carts", "orders", "payments", "shipping"].filter { name in
            !file.nodes.contains { $0.services.contains(name) }
        }
        guard missing.isEmpty else { throw ConfigurationFailure("\(config) does not run \(missing.joined(separator: ", ")): no store to measure") }
        self.file = file
    }

    var services: [String] { Array(Set(file.nodes.flatMap(\.services))).sorted() }

    /// The same nodes, services, options and settings on these loopback ports, for `quark up`.
    func yaml(ports: [Int]) -> String {
        var lines = ["logLevel: error", "settings: \(JSON.object(file.settings))", "nodes:"]
        for (node, port) in zip(file.nodes, ports) {
            lines.append(
                "  - {id: \(node.id), port: \(port), services: [\(node.services.joined(separator: ", "))], "
                    + "options: \(JSON.object(node.options)), settings: \(JSON.object(node.settings))}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `quark up` on ``yaml(ports:)`` (free ports) with `<root>/<id>` data directories, once every node is ready,
    /// and a client in this process joined to its mesh that sees every service.
    func startProcesses(root: String) async throws -> (up: ChildNode, client: ServiceBroker) {
        let config = root + "/nodes.yml"
        let ports = file.nodes.map { _ in freePort() }
        try yaml(ports: ports).write(toFile: config, atomically: true, encoding: .utf8)
        let launched = try await ChildNode.launch(["up", "--config", config, "--data", root], what: "quark up", timeout: .seconds(120)) {
            $0.hasPrefix("quark up: all ")
        }
        let up = ChildNode(process: launched.process, endpoint: "tcp://127.0.0.1:\(ports[0])")
        do {
            return (up, try await up.client(nodeID: "bench-buyers-\(getpid())", waitingFor: services))
        } catch {
            up.stop()
            throw error
        }
    }

    /// One broker per node in this process on an in-memory hub, on `<root>/<id>`, and a client
    /// broker on the hub that sees every service. The client is the last broker.
    func startInProcess(root: String) async throws -> [ServiceBroker] {
        let hub = InMemoryHub()
        var brokers: [ServiceBroker] = []
        for node in file.nodes {
            let broker = ServiceBroker(Self.configuration(node.id, hub: hub, options: node.options))
            let settings = file.serviceSettings(on: node)
            let directory = "\(root)/\(node.id)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let schemas = try ServiceCatalog.schemas(node.services) { name in
                broker.environment(for: name, dataDirectory: directory, settings: settings[name] ?? [:])
            }
            for schema in schemas { try await broker.createService(schema) }
            brokers.append(broker)
        }
        let client = ServiceBroker(Self.configuration("bench-buyers", hub: hub, options: [:]))
        brokers.append(client)
        for broker in brokers { try await broker.start() }
        try await client.waitForServices(services, timeout: .seconds(20))
        return brokers
    }

    private static func configuration(_ nodeID: String, hub: InMemoryHub, options: [String: JSON]) -> BrokerConfiguration {
        var configuration = BrokerConfiguration(nodeID: nodeID, transporter: hub.transporter())
        configuration.lifecycle.discoveryWait = .milliseconds(100)
        configuration.logger.logLevel = .error
        if let timeout = options["requestTimeout"]?.intValue, timeout > 0 { configuration.requestTimeout = .milliseconds(timeout) }
        return configuration
    }
}
