import Yams

/// Turns `nodes.yml` text into a validated ``NodesFile``.
struct NodesFileParser {
    let reader: YAMLReader
    let knownServices: Set<String>

    static let topKeys = ["namespace", "transporter", "seeds", "heartbeat", "logLevel", "gateway", "settings", "nodes"]
    static let heartbeatKeys = ["interval", "timeout", "forgetAfter"]
    static let gatewayKeys = ["path", "timeout", "bodyLimit", "cors"]

    func parse(_ text: String) throws(ConfigError) -> NodesFile {
        let top = try reader.mapping(try compose(text), "", allowed: Self.topKeys)
        var file = NodesFile(path: reader.file)
        if let node = top["namespace"] {
            let text = try reader.string(node, "namespace")
            file.namespace = try reader.check(node, "namespace") { () throws(ConfigProblem) in
                try ConfigValues.name(text, what: "namespace", allowEmpty: true)
            }
        }
        if let node = top["transporter"] {
            let text = try reader.string(node, "transporter")
            file.transporter = try reader.check(node, "transporter") { () throws(ConfigProblem) in try TransporterSpec.parse(text) }
        }
        if let node = top["logLevel"] {
            let text = try reader.string(node, "logLevel")
            file.logLevel = try reader.check(node, "logLevel") { () throws(ConfigProblem) in try ConfigValues.logLevel(text) }
        }
        if let node = top["heartbeat"] { try parseHeartbeat(node, into: &file) }
        if let node = top["gateway"] { file.gateway = try parseGateway(node) }
        if let node = top["settings"] { file.settings = try parseSettings(node, "settings") }
        file.nodes = try parseNodes(try top.required("nodes", reader, meaning: "the list of nodes"))
        file.seeds = try top["seeds"].map { node throws(ConfigError) in try parseSeeds(node) } ?? [file.nodes[0].endpoint]
        if let gateway = top.entries["gateway"], file.gatewayNode == nil {
            throw reader.error(at: gateway.key, "gateway", "gateway settings are given but no node has an http port")
        }
        return file
    }

    /// The document's root node; YAML syntax errors keep the line Yams reports.
    private func compose(_ text: String) throws(ConfigError) -> Node {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error, text: text)
        } catch {
            throw ConfigError(source: reader.file, message: "invalid YAML: \(error)")
        }
        guard let root, !reader.isNull(root) else {
            throw ConfigError(source: reader.file, message: "the file is empty; it needs at least a list of nodes")
        }
        return root
    }

    private func syntaxError(_ error: YamlError, text: String) -> ConfigError {
        func located(_ mark: Mark, _ message: String) -> ConfigError {
            ConfigError(source: reader.file, line: mark.line, message: message)
        }
        func described(_ context: YamlError.Context?, _ problem: String) -> String {
            guard let context else { return "invalid YAML: \(problem)" }
            return "invalid YAML: \(context.text) at line \(context.mark.line): \(problem)"
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return located(mark, described(context, problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return located(context.mark, "key \(keys) is given twice in one mapping")
        case .reader(let problem, let offset, _, _):
            let line = offset.map { offset in text.prefix(offset).filter { $0 == "\n" }.count + 1 }
            return ConfigError(source: reader.file, line: line, message: "invalid YAML: \(problem)")
        default:
            return ConfigError(source: reader.file, message: "invalid YAML: \(error)")
        }
    }

    private func parseSeeds(_ node: Node) throws(ConfigError) -> [TCPEndpoint] {
        var seeds: [TCPEndpoint] = []
        for item in try reader.strings(node, "seeds") {
            let seed = try reader.check(item.node, item.field) { () throws(ConfigProblem) in
                try TCPEndpoint.parse(item.text, dialable: true)
            }
            guard !seeds.contains(seed) else { throw reader.error(at: item.node, item.field, "seed \(seed) is listed twice") }
            seeds.append(seed)
        }
        guard !seeds.isEmpty else { throw reader.error(at: node, "seeds", "the list is empty; leave it out to use the first node") }
        return seeds
    }

    private func parseHeartbeat(_ node: Node, into file: inout NodesFile) throws(ConfigError) {
        let map = try reader.mapping(node, "heartbeat", allowed: Self.heartbeatKeys)
        if let value = map["interval"] { file.heartbeat.interval = try reader.duration(value, "heartbeat.interval") }
        if let value = map["timeout"] { file.heartbeat.timeout = try reader.duration(value, "heartbeat.timeout") }
        if let value = map["forgetAfter"] { file.heartbeat.forgetAfter = try reader.duration(value, "heartbeat.forgetAfter") }
        let (interval, timeout, forget) = (file.heartbeat.interval, file.heartbeat.timeout, file.heartbeat.forgetAfter)
        let describe = ConfigValues.describe
        guard timeout > interval else {
            throw reader.error(at: map["timeout"] ?? node, "heartbeat.timeout",
                "\(describe(timeout)) must be longer than heartbeat.interval (\(describe(interval)))")
        }
        guard forget > timeout else {
            throw reader.error(at: map["forgetAfter"] ?? node, "heartbeat.forgetAfter",
                "\(describe(forget)) must be longer than heartbeat.timeout (\(describe(timeout)))")
        }
    }

    private func parseGateway(_ node: Node) throws(ConfigError) -> GatewaySettings {
        let map = try reader.mapping(node, "gateway", allowed: Self.gatewayKeys)
        var gateway = GatewaySettings()
        if let value = map["path"] {
            gateway.path = try reader.string(value, "gateway.path")
            guard gateway.path.hasPrefix("/"), !gateway.path.contains(" ") else {
                throw reader.error(at: value, "gateway.path", "\"\(gateway.path)\" is not a URL path (it starts with /)")
            }
        }
        if let value = map["timeout"] { gateway.requestTimeout = try reader.duration(value, "gateway.timeout") }
        if let value = map["bodyLimit"] {
            gateway.bodyLimit = try reader.int(value, "gateway.bodyLimit")
            guard gateway.bodyLimit > 0 else {
                throw reader.error(at: value, "gateway.bodyLimit", "\(gateway.bodyLimit) is not a positive number of bytes")
            }
        }
        if let value = map["cors"] { gateway.cors = try reader.strings(value, "gateway.cors").map(\.text) }
        return gateway
    }
}
