import Broker

extension NodeSettings {
    /// Resolves one node's settings. Precedence, lowest first: defaults, `nodes.yml` (its shared
    /// settings, then the entry of `nodeID`), flags, `QUARK_*` environment variables.
    ///
    /// - `QUARK_ID` overrides `nodeID` (the `--id` flag); with a file, the id must name a node.
    /// - Seeds default to the file's seeds (which default to its first node), or without a file
    ///   to this node's own endpoint (none when it binds port 0).
    /// - The bind address defaults to `tcp://0.0.0.0:<entry port>`; `--bind` / `QUARK_BIND` may
    ///   give port 0 (any free port).
    /// - Service names from flags or environment must be in `knownServices`.
    public static func resolve(
        file: NodesFile?, nodeID: String?, flags: NodeFlags, environment: [String: String],
        knownServices: Set<String>
    ) throws(ConfigError) -> NodeSettings {
        let layers = SettingOverrides(environment: environment)
        var settings = NodeSettings()
        let entry = try findEntry(file: file, nodeID: nodeID, layers: layers, into: &settings)

        settings.namespace = try layers.value(flags.namespace, flagName: "--namespace", variable: "QUARK_NAMESPACE") {
            text throws(ConfigProblem) in try ConfigValues.name(text, what: "namespace", allowEmpty: true)
        } ?? file?.namespace ?? ""
        settings.transporter = try layers.value(flags.transporter, flagName: "--transporter", variable: "QUARK_TRANSPORTER",
            TransporterSpec.parse) ?? file?.transporter ?? .zeroMQ
        settings.services = try layers.value(flags.services, flagName: "--services", variable: "QUARK_SERVICES") {
            text throws(ConfigProblem) in try ConfigValues.services(text.commaSeparated(), known: knownServices)
        } ?? entry?.services ?? []
        settings.httpPort = entry?.httpPort
        settings.gateway = entry?.httpPort == nil ? nil : file?.gateway
        settings.options = entry?.options ?? [:]
        settings.serviceSettings = NodesFile.mergedSettings(file?.settings ?? [:], entry?.settings ?? [:])
        settings.heartbeat = file?.heartbeat ?? settings.heartbeat
        settings.logLevel = try layers.value(flags.logLevel, flagName: "--log-level", variable: "QUARK_LOG_LEVEL",
            ConfigValues.logLevel) ?? entry?.logLevel ?? file?.logLevel ?? .info
        settings.logFormat = try layers.value(flags.logFormat, flagName: "--log-format", variable: "QUARK_LOG_FORMAT",
            ConfigValues.logFormat) ?? .text
        settings.dataDirectory = try layers.value(flags.data, flagName: "--data", variable: "QUARK_DATA") {
            text throws(ConfigProblem) in
            guard !text.isEmpty else { throw ConfigProblem("the path is empty") }
            return text
        } ?? entry?.dataDirectory ?? settings.nodeID.map { "data/\($0)" } ?? "data"
        try resolveNetwork(file: file, entry: entry, flags: flags, layers: layers, into: &settings)

        guard !settings.services.isEmpty || settings.httpPort != nil else {
            let hint = file.map { " or --id of a node in \($0.path)" } ?? " or --config nodes.yml --id ID"
            throw ConfigError(source: SettingOverrides.commandLine, field: "--services",
                message: "no services to run; give --services a,b\(hint)")
        }
        return settings
    }

    /// The node id (`QUARK_ID` over `--id`) and, with a file, its entry.
    private static func findEntry(
        file: NodesFile?, nodeID: String?, layers: SettingOverrides, into settings: inout NodeSettings
    ) throws(ConfigError) -> NodeEntry? {
        settings.nodeID = try layers.value(nodeID, flagName: "--id", variable: "QUARK_ID") {
            text throws(ConfigProblem) in try ConfigValues.name(text, what: "node id")
        }
        guard let file, let id = settings.nodeID else { return nil }
        guard let entry = file.node(id: id) else {
            let origin = layers.origin(flag: nodeID, flagName: "--id", variable: "QUARK_ID")
            let names = file.nodes.map(\.id)
            let hint = Suggestion.hint(for: id, in: names)
            throw ConfigError(source: origin?.source ?? SettingOverrides.commandLine, field: origin?.field,
                message: "no node \"\(id)\" in \(file.path)\(hint); nodes: \(names.joined(separator: ", "))")
        }
        return entry
    }

    /// Bind address, advertised host and seeds.
    private static func resolveNetwork(
        file: NodesFile?, entry: NodeEntry?, flags: NodeFlags, layers: SettingOverrides, into settings: inout NodeSettings
    ) throws(ConfigError) {
        settings.bind = try layers.value(flags.bind, flagName: "--bind", variable: "QUARK_BIND") {
            text throws(ConfigProblem) in try TCPEndpoint.parse(text, dialable: false, portZero: true)
        } ?? entry.map { TCPEndpoint(host: "0.0.0.0", port: $0.port) }
        let bindOrigin = layers.origin(flag: flags.bind, flagName: "--bind", variable: "QUARK_BIND")
        if let bind = settings.bind, let http = settings.httpPort, bind.port == http, let bindOrigin {
            throw ConfigError(source: bindOrigin.source, field: bindOrigin.field,
                message: "port \(bind.port) is the node's HTTP port; give ZeroMQ another port")
        }
        if settings.transporter.kind == .zeroMQ && settings.bind == nil {
            let hint = file.map { " or --id of a node in \($0.path)" } ?? ""
            throw ConfigError(source: SettingOverrides.commandLine, field: "--bind",
                message: "the ZeroMQ transporter needs a port; give --bind tcp://0.0.0.0:PORT\(hint)")
        }
        let bindHost = settings.bind.flatMap { $0.isWildcard ? nil : $0.host }
        settings.advertise = try layers.value(flags.advertise, flagName: "--advertise", variable: "QUARK_ADVERTISE",
            TCPEndpoint.parseHost) ?? entry?.host ?? bindHost ?? "127.0.0.1"
        settings.seeds = try layers.value(flags.seeds, flagName: "--seeds", variable: "QUARK_SEEDS") {
            text throws(ConfigProblem) in try ConfigValues.seeds(text.commaSeparated())
        } ?? file?.seeds ?? settings.advertisedEndpoint.map { [$0] } ?? []
    }
}
