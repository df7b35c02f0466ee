import ArgumentParser
import Broker
import Foundation
import NATSTransporter
import NodeKit
import Services
import ZeroMQTransporter

/// How a one-shot command finds the cluster: seeds from `--seeds`, else from nodes.yml.
struct ClusterClientOptions: ParsableArguments {
    @Option(help: "The nodes.yml whose seeds and namespace to use (default: ./nodes.yml if it exists and no --seeds are given).")
    var config: String?

    @Option(help: "Comma-separated seed endpoints, e.g. tcp://127.0.0.1:4000 (overrides the file's).")
    var seeds: String?

    @Option(help: "The cluster's namespace (overrides the file's).")
    var namespace: String?

    @Option(help: "Join through NATS instead of the ZeroMQ seeds, e.g. nats://127.0.0.1:4222 (overrides the file's).")
    var transporter: String?

    @Option(help: "Seconds to wait for the cluster and the target (default 10).")
    var timeout: Double = 10
}

/// A broker without services that joins the cluster for one command.
enum ClusterClient {
    /// Joins; throws `ConfigurationFailure` for bad options, `ClusterUnreachable` when no node
    /// answers within the timeout.
    static func join(_ options: ClusterClientOptions, nodeID: String = "cli-\(getpid())") async throws -> ServiceBroker {
        let useDefaultFile = options.seeds == nil && options.transporter == nil && FileManager.default.fileExists(atPath: "nodes.yml")
        let path = options.config ?? (useDefaultFile ? "nodes.yml" : nil)
        var file: NodesFile?
        if let path {
            do {
                file = try NodesFile.load(path: path, knownServices: Set(ServiceCatalog.names))
            } catch {
                throw ConfigurationFailure(error.description)
            }
        }
        let (transporter, place) = try Self.transporter(options, file: file)
        var configuration = BrokerConfiguration(nodeID: nodeID, transporter: transporter)
        configuration.namespace = options.namespace ?? file?.namespace ?? ""
        if let heartbeat = file?.heartbeat { configuration.heartbeat = heartbeat }
        configuration.lifecycle.discoveryWait = .milliseconds(200)
        configuration.lifecycle.stopDelay = .zero
        // Transient failures (a link still being set up, a node restarting) are retried.
        configuration.retryPolicy = RetryPolicy(enabled: true, retries: 5, delay: .milliseconds(100))
        configuration.logger.logLevel = .error
        let broker = ServiceBroker(configuration)
        do {
            try await broker.start()
        } catch {
            throw ClusterUnreachable(message: "no cluster reachable at \(place): \(error)")
        }
        let timeout = Duration.milliseconds(Int64(options.timeout * 1000))
        let reached = await Self.waitForAnyNode(broker, timeout: timeout)
        guard reached else {
            await broker.stop()
            throw ClusterUnreachable(message: "no cluster reachable at \(place) within \(options.timeout) s")
        }
        return broker
    }

    /// NATS when `--transporter` or the file says so, else a ZeroMQ link to the seeds; with a
    /// text naming where the cluster is looked for.
    private static func transporter(_ options: ClusterClientOptions, file: NodesFile?) throws -> (any Transporter, String) {
        if let text = options.transporter ?? (file?.transporter.kind == .nats ? file?.transporter.servers.joined(separator: ",") : nil) {
            var nats: NATSOptions
            do {
                nats = try NATSOptions(urls: text.split(separator: ",").map { String($0) })
            } catch {
                throw ConfigurationFailure("--transporter: \(error.message)")
            }
            nats.connectTimeout = .milliseconds(Int64(options.timeout * 1000))
            nats.logger.logLevel = .error
            return (NATSTransporter(options: nats), nats.servers.map(\.description).joined(separator: ", "))
        }
        let seeds = options.seeds.map { $0.split(separator: ",").map(String.init) } ?? file?.seeds.map(\.description) ?? []
        guard !seeds.isEmpty else { throw ConfigurationFailure("no seeds: give --seeds or a nodes.yml") }
        // Peers answer through the connection this client opened, so it need not be dialable.
        var mesh = ZeroMQOptions(bind: "tcp://127.0.0.1:0", seeds: seeds)
        mesh.logger.logLevel = .error
        return (ZeroMQTransporter(options: mesh), seeds.joined(separator: ", "))
    }

    private static func waitForAnyNode(_ broker: ServiceBroker, timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let nodes = (try? await broker.call("$node.list", ["onlyAvailable": true]))?.arrayValue ?? []
            if nodes.contains(where: { $0["local"] == false }) { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    /// Parses a JSON argument; a bad one is a configuration failure naming the argument.
    static func json(_ text: String?, argument: String) throws -> JSON {
        guard let text else { return [:] }
        do {
            return try JSONParser.parse(text)
        } catch {
            throw ConfigurationFailure("\(argument): not valid JSON (\(error.message))")
        }
    }

    /// `--meta`: a JSON object, or none.
    static func meta(_ text: String?) throws -> [String: JSON] {
        guard let object = try json(text, argument: "--meta").objectValue else {
            throw ConfigurationFailure("--meta: expected a JSON object, e.g. '{\"user\": {\"id\": 1}}'")
        }
        return object
    }
}

/// No node of the cluster answered: exit code 3.
struct ClusterUnreachable: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
