import Logging

/// What a service is made from on its node: where it may keep files, its settings, a logger and
/// a clock. A node builds one per service it runs (`quark node` from nodes.yml); a test builds
/// one with ``inMemory(settings:clock:)``.
///
/// Nothing here is published to other nodes: a service chooses what goes into its schema's
/// `settings` (which INFO carries, minus the keys listed in `$secureSettings`).
public struct ServiceEnvironment: Sendable {
    /// The node the service runs on.
    public var nodeID: String
    /// The node's data directory, created before the service is made; `nil` when the service
    /// must keep nothing on disk (tests): use in-memory storage then.
    public var dataDirectory: String?
    /// The service's settings from nodes.yml (a JSON object; `[:]` when none are given).
    public var settings: JSON
    /// The node's logger, with `service.name` in its metadata.
    public var logger: Logger
    /// The broker's clock (a `ManualClock` in tests).
    public var clock: any BrokerClock

    public init(nodeID: String, dataDirectory: String?, settings: JSON = [:], logger: Logger, clock: any BrokerClock) {
        self.nodeID = nodeID
        self.dataDirectory = dataDirectory
        self.settings = settings
        self.logger = logger
        self.clock = clock
    }

    /// An environment with no data directory and a logger that discards everything.
    public static func inMemory(settings: JSON = [:], clock: any BrokerClock = SystemClock()) -> ServiceEnvironment {
        ServiceEnvironment(
            nodeID: "test", dataDirectory: nil, settings: settings,
            logger: Logger(label: "quark.test", factory: { _ in SwiftLogNoOpLogHandler() }), clock: clock)
    }

    /// The path of `name` inside the data directory; `nil` in memory.
    public func path(_ name: String) -> String? {
        dataDirectory.map { $0.hasSuffix("/") ? $0 + name : "\($0)/\(name)" }
    }
}

/// Makes a service from its node's environment; throws when the environment does not fit
/// (a bad setting, say), which stops the node with the error's message.
public typealias ServiceFactory = @Sendable (ServiceEnvironment) throws -> ServiceSchema

extension ServiceBroker {
    /// The environment of `service` on this node: this broker's node ID, logger (with
    /// `service.name`) and clock, and the given data directory and settings.
    public func environment(for service: String, dataDirectory: String?, settings: JSON = [:]) -> ServiceEnvironment {
        var logger = self.logger
        logger[metadataKey: "service.name"] = .string(service)
        return ServiceEnvironment(nodeID: nodeID, dataDirectory: dataDirectory, settings: settings, logger: logger, clock: clock)
    }
}
