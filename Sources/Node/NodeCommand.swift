import ArgumentParser
import Broker
import Foundation
import Logging
import NodeKit
import ServiceLifecycle
import Services

/// `quark node`: one node process. Settings come from an entry of nodes.yml (`--id`), then
/// flags, then `QUARK_*` environment variables, each overriding the one before.
struct NodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "node",
        abstract: "Start one node with the given services.",
        discussion: """
            Prints "ready <nodeID> <endpoint>" on standard output once its services are up, and
            stops gracefully on SIGTERM or Ctrl-C. A bad nodes.yml, flag or variable is a one-line
            error naming the file, line and field, with exit code 2.
            Examples:
              quark node --id catalog                                (the 'catalog' entry of ./nodes.yml)
              quark node --services greeter,math --bind tcp://0.0.0.0:4101 --seeds tcp://127.0.0.1:4100
              QUARK_LOG_LEVEL=debug quark node --config cluster.yml --id gateway
            """
    )

    @Option(help: "The nodes.yml to read (default: ./nodes.yml when --id is given and the file exists).")
    var config: String?
    @Option(help: "The node's ID; with a nodes.yml, the entry to run (env QUARK_ID).")
    var id: String?
    @Option(help: "Comma-separated services to run, e.g. greeter,math (env QUARK_SERVICES).")
    var services: String?
    @Option(help: "Comma-separated seed endpoints, e.g. tcp://10.0.0.4:4100 (env QUARK_SEEDS).")
    var seeds: String?
    @Option(help: "The endpoint to bind, e.g. tcp://0.0.0.0:4101; port 0 picks a free one (env QUARK_BIND).")
    var bind: String?
    @Option(help: "The host other nodes use to reach this one (env QUARK_ADVERTISE).")
    var advertise: String?
    @Option(help: "Clusters on one network are separated by namespace (env QUARK_NAMESPACE).")
    var namespace: String?
    @Option(help: "zmq (default) or NATS: nats://[user:pass@]host:4222[,nats://...] (env QUARK_TRANSPORTER).")
    var transporter: String?
    @Option(help: "The node's data directory, created if missing (env QUARK_DATA).")
    var data: String?
    @Option(help: "trace, debug, info, notice, warning, error or critical (env QUARK_LOG_LEVEL).")
    var logLevel: String?
    @Option(help: "text or json (env QUARK_LOG_FORMAT).")
    var logFormat: String?

    func run() async throws {
        let settings = try resolveSettings()
        try FileManager.default.createDirectory(atPath: settings.dataDirectory, withIntermediateDirectories: true)
        NodeLogging.bootstrap(level: settings.logLevel, format: settings.logFormat)
        let launch = try NodeLaunch(settings: settings)
        let broker = ServiceBroker(launch.configuration)
        let schemas: [ServiceSchema]
        do {
            schemas = try ServiceCatalog.schemas(settings.services) { name in
                broker.environment(for: name, dataDirectory: settings.dataDirectory, settings: settings.serviceSettings[name] ?? [:])
            }
        } catch {
            throw ConfigurationFailure(error.message)
        }
        for schema in schemas { try await broker.createService(schema) }
        do {
            try await broker.start()
        } catch {
            throw ConfigurationFailure("cannot start: \((error as? BrokerError)?.message ?? "\(error)")")
        }
        let ready = ReadyAnnouncer(broker: broker, endpoint: launch.advertisedEndpoint, services: schemas.map(\.fullName))
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: StartedBroker(broker: broker)), .init(service: ready)]
        if let watch = ParentWatch.fromEnvironment(logger: broker.logger) {
            services.append(.init(service: watch, successTerminationBehavior: .gracefullyShutdownGroup))
        }
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: broker.logger))
        try await group.run()
    }

    private func resolveSettings() throws(ConfigurationFailure) -> NodeSettings {
        let known = Set(ServiceCatalog.names)
        let environment = ProcessInfo.processInfo.environment
        let wantsEntry = (id ?? environment["QUARK_ID"]) != nil
        let path = config ?? (wantsEntry && FileManager.default.fileExists(atPath: "nodes.yml") ? "nodes.yml" : nil)
        let flags = NodeFlags(
            services: services, seeds: seeds, bind: bind, advertise: advertise, namespace: namespace, transporter: transporter,
            data: data, logLevel: logLevel, logFormat: logFormat)
        do {
            var file: NodesFile?
            if let path { file = try NodesFile.load(path: path, knownServices: known) }
            return try NodeSettings.resolve(file: file, nodeID: id, flags: flags, environment: environment, knownServices: known)
        } catch {
            throw ConfigurationFailure(error.description)
        }
    }
}

/// Prints the ready line once the node's own services are registered, then idles until shutdown.
struct ReadyAnnouncer: ServiceLifecycle.Service {
    let broker: ServiceBroker
    let endpoint: @Sendable () -> String
    let services: [String]

    func run() async throws {
        try await broker.waitForServices(services + ["$node"])
        // Written straight to the file descriptor: a parent process waits for this line.
        FileHandle.standardOutput.write(Data("ready \(broker.nodeID) \(endpoint())\n".utf8))
        try? await gracefulShutdown()
    }
}

/// Runs an already started broker until graceful shutdown, then stops it. (Starting it before
/// the group lets a bad endpoint or port be reported as a configuration error.)
struct StartedBroker: ServiceLifecycle.Service {
    let broker: ServiceBroker

    func run() async throws {
        try? await gracefulShutdown()
        await broker.stop()
    }
}

/// A bad flag value or configuration: printed as one line on stderr, exit code 2.
struct ConfigurationFailure: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
