import Broker
import Foundation
import Logging

/// The cluster topology read from `nodes.yml`: shared settings and the ordered list of nodes.
///
/// ``load(path:knownServices:)`` validates the whole file, so a `NodesFile` value is always
/// consistent: node ids, data directories and `host:port` pairs are unique, every service is
/// known, seeds are `tcp://host:port`, the heartbeat timeout exceeds its interval, and at most
/// one node (the gateway) has an HTTP port.
public struct NodesFile: Sendable {
    /// The file name used in errors.
    public var path: String
    /// Separates clusters sharing a transport; default empty.
    public var namespace: String = ""
    public var transporter: TransporterSpec = .zeroMQ
    /// ZeroMQ seeds; when the file gives none, the first node's endpoint.
    public var seeds: [TCPEndpoint] = []
    public var heartbeat = HeartbeatOptions()
    public var logLevel: Logger.Level = .info
    public var gateway = GatewaySettings()
    /// Service name → settings, for every node that runs the service (a node's own `settings`
    /// override these key by key).
    public var settings: [String: JSON] = [:]
    /// The nodes, in file order.
    public var nodes: [NodeEntry] = []

    public init(path: String) {
        self.path = path
    }

    /// The node with this id.
    public func node(id: String) -> NodeEntry? {
        nodes.first { $0.id == id }
    }

    /// The node serving HTTP, if any.
    public var gatewayNode: NodeEntry? {
        nodes.first { $0.httpPort != nil }
    }

    /// Reads and validates the file at `path`. Errors name the file, the line and the field.
    public static func load(path: String, knownServices: Set<String>) throws(ConfigError) -> NodesFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ConfigError(source: path, message: "no such file")
        }
        guard !isDirectory.boolValue else { throw ConfigError(source: path, message: "is a directory, not a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(source: path, message: "cannot be read (permission denied?)")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ConfigError(source: path, message: "is not UTF-8 text")
        }
        return try parse(text: text, file: path, knownServices: knownServices)
    }

    /// Validates YAML text; `file` names it in errors.
    public static func parse(text: String, file: String, knownServices: Set<String>) throws(ConfigError) -> NodesFile {
        try NodesFileParser(reader: YAMLReader(file: file), knownServices: knownServices).parse(text)
    }

    /// The settings of each service on `entry`: the file's, overridden key by key by the node's.
    public func serviceSettings(on entry: NodeEntry) -> [String: JSON] {
        Self.mergedSettings(settings, entry.settings)
    }

    static func mergedSettings(_ shared: [String: JSON], _ own: [String: JSON]) -> [String: JSON] {
        shared.merging(own) { base, override in
            guard case .object(let baseMembers) = base, case .object(let overrideMembers) = override else { return override }
            return .object(baseMembers.merging(overrideMembers) { _, new in new })
        }
    }
}
