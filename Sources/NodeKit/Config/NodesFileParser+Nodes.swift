import Yams

extension NodesFileParser {
    static let nodeKeys = ["id", "host", "port", "http", "services", "data", "logLevel", "options", "settings"]

    /// The `nodes:` list, with every cross-node rule checked: unique ids, unique `host:port`
    /// pairs (ZeroMQ and HTTP ports together), unique data directories, one gateway at most.
    func parseNodes(_ node: Node) throws(ConfigError) -> [NodeEntry] {
        let items = try reader.sequence(node, "nodes")
        guard !items.isEmpty else { throw reader.error(at: node, "nodes", "the list is empty; give at least one node") }
        var entries: [NodeEntry] = []
        var owners: [String: String] = [:]  // "id:x", "addr:host:port", "data:dir" → "nodes[1] (x)"
        func claim(_ key: String, by owner: String, at value: Node, _ field: String, _ message: String) throws(ConfigError) {
            if let first = owners[key] { throw reader.error(at: value, field, "\(message), already used by \(first)") }
            owners[key] = owner
        }
        for item in items {
            let (entry, map) = try parseNode(item.node, item.field)
            let owner = "\(item.field) (\(entry.id))"
            let idNode = map["id"] ?? item.node
            try claim("id:\(entry.id)", by: owner, at: idNode, map.path("id"), "duplicate node id \"\(entry.id)\"")
            try claim("addr:\(entry.host):\(entry.port)", by: owner, at: map["port"] ?? item.node, map.path("port"),
                "port \(entry.port) on \(entry.host)")
            if let http = entry.httpPort, let value = map["http"] {
                try claim("addr:\(entry.host):\(http)", by: owner, at: value, map.path("http"), "port \(http) on \(entry.host)")
                try claim("gateway", by: owner, at: value, map.path("http"), "only one node may serve HTTP")
            }
            try claim("data:\(entry.dataDirectory)", by: owner, at: map["data"] ?? item.node, map.path("data"),
                "data directory \"\(entry.dataDirectory)\"")
            entries.append(entry)
        }
        return entries
    }

    /// One node entry, checked on its own.
    private func parseNode(_ node: Node, _ field: String) throws(ConfigError) -> (NodeEntry, YAMLMapping) {
        let map = try reader.mapping(node, field, allowed: Self.nodeKeys)
        let idNode = try map.required("id", reader, meaning: "the node's unique name")
        let idText = try reader.string(idNode, map.path("id"))
        let id = try reader.check(idNode, map.path("id")) { () throws(ConfigProblem) in
            try ConfigValues.name(idText, what: "node id")
        }
        let port = try reader.port(try map.required("port", reader, meaning: "the node's ZeroMQ port"), map.path("port"))
        var entry = NodeEntry(id: id, port: port)
        if let value = map["host"] {
            let text = try reader.string(value, map.path("host"))
            entry.host = try reader.check(value, map.path("host")) { () throws(ConfigProblem) in try TCPEndpoint.parseHost(text) }
        }
        if let value = map["http"] { entry.httpPort = try reader.port(value, map.path("http")) }
        if let value = map["services"] { entry.services = try parseServices(value, map.path("services")) }
        if let value = map["data"] {
            entry.dataDirectory = try reader.string(value, map.path("data"))
            guard !entry.dataDirectory.isEmpty else { throw reader.error(at: value, map.path("data"), "the path is empty") }
        }
        if let value = map["logLevel"] {
            let text = try reader.string(value, map.path("logLevel"))
            entry.logLevel = try reader.check(value, map.path("logLevel")) { () throws(ConfigProblem) in
                try ConfigValues.logLevel(text)
            }
        }
        if let value = map["options"] {
            guard let options = try reader.json(value, map.path("options")).objectValue else {
                throw reader.error(at: value, map.path("options"), "expected a mapping, found \(reader.kind(of: value))")
            }
            entry.options = options
        }
        if let value = map["settings"] {
            entry.settings = try parseSettings(value, map.path("settings"), services: entry.services)
        }
        if entry.services.isEmpty && entry.httpPort == nil {
            throw reader.error(at: map["services"] ?? node, map.path("services"),
                "node \"\(id)\" runs no service and serves no HTTP; list its services")
        }
        return (entry, map)
    }

    private func parseServices(_ node: Node, _ field: String) throws(ConfigError) -> [String] {
        var services: [String] = []
        for item in try reader.strings(node, field) {
            try reader.check(item.node, item.field) { () throws(ConfigProblem) in
                try ConfigValues.service(item.text, known: knownServices)
            }
            guard !services.contains(item.text) else {
                throw reader.error(at: item.node, item.field, "service \"\(item.text)\" is listed twice")
            }
            services.append(item.text)
        }
        return services
    }
}
