import ArgumentParser
import Foundation
import Broker
import Logging
import ServiceLifecycle
import Services
import ZeroMQTransporter

/// `quark node`: one node process with the named services, on the ZeroMQ mesh.
struct NodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "node",
        abstract: "Start one node with the given services.",
        discussion: """
            Prints "ready <nodeID> <endpoint>" on standard output once its services are up, and
            stops gracefully on SIGTERM or Ctrl-C.
            Example: quark node --id worker-1 --services greeter,math --bind tcp://0.0.0.0:4101 --seeds tcp://127.0.0.1:4100
            """
    )

    @Option(help: "The node's ID (default: <hostname>-<pid>-<random>).")
    var id: String?

    @Option(help: "Comma-separated services to run (known: greeter, math).")
    var services: String = ""

    @Option(help: "Comma-separated seed endpoints, e.g. tcp://10.0.0.4:4100.")
    var seeds: String = ""

    @Option(help: "The endpoint to bind; port 0 picks a free one.")
    var bind: String = "tcp://0.0.0.0:4100"

    @Option(help: "The host other nodes use to reach this one (default: the bind host, or 127.0.0.1).")
    var advertise: String?

    @Option(help: "Clusters on one network are separated by namespace.")
    var namespace: String = ""

    @Option(help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    func run() async throws {
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ConfigurationFailure("--log-level: '\(logLevel)' is not a level (trace, debug, info, notice, warning, error, critical)")
        }
        let schemas: [ServiceSchema]
        do {
            schemas = try ServiceCatalog.schemas(services.split(separator: ",").map(String.init))
        } catch let error as BrokerError {
            throw ConfigurationFailure("--services: \(error.message)")
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let options = ZeroMQOptions(bind: bind, advertisedHost: advertise, seeds: seeds.split(separator: ",").map(String.init))
        let transporter = ZeroMQTransporter(options: options)
        var configuration = BrokerConfiguration(nodeID: id, transporter: transporter)
        configuration.namespace = namespace
        let broker = ServiceBroker(configuration)
        for schema in schemas { try await broker.createService(schema) }
        do {
            try await broker.start()
        } catch let error as BrokerError {
            throw ConfigurationFailure("cannot start: \(error.message)")
        }
        let ready = ReadyAnnouncer(broker: broker, transporter: transporter, services: schemas.map(\.fullName))
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: StartedBroker(broker: broker)), .init(service: ready)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: broker.logger))
        try await group.run()
    }
}

/// Prints the ready line once the node's own services are registered, then idles until shutdown.
struct ReadyAnnouncer: ServiceLifecycle.Service {
    let broker: ServiceBroker
    let transporter: ZeroMQTransporter
    let services: [String]

    func run() async throws {
        try await broker.waitForServices(services + ["$node"])
        // Written straight to the file descriptor: a parent process waits for this line.
        FileHandle.standardOutput.write(Data("ready \(broker.nodeID) \(transporter.advertisedEndpoint ?? "?")\n".utf8))
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
