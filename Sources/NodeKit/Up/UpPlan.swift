/// What `quark up` runs for a validated nodes.yml: the arguments of each node's
/// `quark node` process and the lines printed once every node is ready.
public struct UpPlan: Sendable {
    /// The nodes.yml, already validated.
    public let file: NodesFile
    /// The `--data` directory of `quark up`; each node gets `<dataRoot>/<id>`.
    public let dataRoot: String?

    public init(file: NodesFile, dataRoot: String?) {
        self.file = file
        self.dataRoot = dataRoot
    }

    /// The node ids, in file order.
    public var nodeIDs: [String] { file.nodes.map(\.id) }

    /// `node --config <file> --id <id> [--data <dataRoot>/<id>]`.
    public func arguments(for id: String) -> [String] {
        var arguments = ["node", "--config", file.path, "--id", id]
        if let dataRoot {
            let root = dataRoot.hasSuffix("/") ? String(dataRoot.dropLast()) : dataRoot
            arguments += ["--data", "\(root)/\(id)"]
        }
        return arguments
    }

    /// Every service of the file, once each, in file order.
    public var services: [String] {
        var seen = Set<String>()
        return file.nodes.flatMap(\.services).filter { seen.insert($0).inserted }
    }

    /// `quark up: all N nodes ready (services: a, b)`.
    public var readyLine: String {
        let count = file.nodes.count
        let list = services.isEmpty ? "none" : services.joined(separator: ", ")
        return "quark up: all \(count) node\(count == 1 ? "" : "s") ready (services: \(list))"
    }

    /// `gateway: http://host:port/path`, or a note that no node has an HTTP port. The HTTP
    /// gateway itself is not built yet, so the line says so rather than promise a live URL.
    public var gatewayLine: String {
        guard let node = file.gatewayNode, let port = node.httpPort else {
            return "gateway: none yet (no node has an http port)"
        }
        return "gateway: http://\(node.host):\(port)\(file.gateway.path) (not served yet: the HTTP gateway comes with the store)"
    }
}
