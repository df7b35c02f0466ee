import Broker
import NATSTransporter
import NodeKit
import ZeroMQTransporter

/// Turns resolved node settings into a broker configuration with its transporter.
struct NodeLaunch {
    let configuration: BrokerConfiguration
    /// The endpoint other nodes reach this one at, known once the transporter has bound.
    let advertisedEndpoint: @Sendable () -> String

    init(settings: NodeSettings) throws {
        let transporter: any Transporter
        switch settings.transporter.kind {
        case .zeroMQ:
            guard let bind = settings.bind else { throw ConfigurationFailure("the ZeroMQ transporter needs a bind endpoint (--bind)") }
            let options = ZeroMQOptions(bind: bind.description, advertisedHost: settings.advertise, seeds: settings.seeds.map(\.description))
            let mesh = ZeroMQTransporter(options: options)
            transporter = mesh
            advertisedEndpoint = { mesh.advertisedEndpoint ?? "?" }
        default:
            transporter = try NATSTransporter(options: Self.natsOptions(settings.transporter))
            advertisedEndpoint = { "\(settings.transporter)" }
        }
        var configuration = BrokerConfiguration(nodeID: settings.nodeID, transporter: transporter)
        configuration.namespace = settings.namespace
        configuration.heartbeat = settings.heartbeat
        if let timeout = settings.options["requestTimeout"]?.intValue, timeout > 0 {
            configuration.requestTimeout = .milliseconds(timeout)
        }
        self.configuration = configuration
    }

    /// NATS options for `nats://` URLs; a bad URL is a configuration failure.
    static func natsOptions(_ spec: TransporterSpec) throws -> NATSOptions {
        do {
            return try NATSOptions(urls: spec.servers)
        } catch {
            throw ConfigurationFailure("--transporter: \(error.message)")
        }
    }
}
