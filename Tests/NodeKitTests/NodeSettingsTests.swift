import Broker
import NodeKit
import Testing

@Suite("NodeSettings: nodes.yml < flags < QUARK_* environment")
struct NodeSettingsTests {
    static let known: Set<String> = ["greeter", "math"]
    let file: NodesFile

    init() throws {
        file = try NodesFile.parse(
            text: """
                namespace: store
                seeds: [tcp://10.0.0.1:4000]
                heartbeat: {interval: 1s, timeout: 3s}
                logLevel: notice
                gateway: {path: /v2}
                settings:
                  greeter: {greeting: "Hi, {name}!", "$secureSettings": [token], token: s3cret}
                nodes:
                  - {id: gateway, host: 10.0.0.1, port: 4000, http: 8080}
                  - {id: catalog, port: 4001, services: [math], data: /srv/catalog, logLevel: debug, options: {cache: true}}
                  - {id: commerce, port: 4002, services: [greeter, math], settings: {greeter: {greeting: "Hello, {name}."}, math: {x: 1}}}
                """,
            file: "nodes.yml", knownServices: Self.known)
    }

    func resolve(
        _ id: String?, file: NodesFile?? = nil, flags: NodeFlags = NodeFlags(), env: [String: String] = [:]
    ) throws(ConfigError) -> NodeSettings {
        try NodeSettings.resolve(file: file ?? self.file, nodeID: id, flags: flags, environment: env, knownServices: Self.known)
    }

    @Test("service settings: the file's per service, the node's laid over them key by key")
    func serviceSettings() throws {
        let commerce = try resolve("commerce")
        #expect(commerce.serviceSettings["greeter"] == ["greeting": "Hello, {name}.", "$secureSettings": ["token"], "token": "s3cret"])
        #expect(commerce.serviceSettings["math"] == ["x": 1])
        let catalog = try resolve("catalog")
        #expect(catalog.serviceSettings["greeter"] == ["greeting": "Hi, {name}!", "$secureSettings": ["token"], "token": "s3cret"])
        #expect(catalog.serviceSettings["math"] == nil)
    }

    @Test("with --id, the entry and the file's shared settings apply")
    func fromFile() throws {
        let catalog = try resolve("catalog")
        #expect(catalog.nodeID == "catalog")
        #expect(catalog.namespace == "store")
        #expect(catalog.transporter == .zeroMQ)
        #expect(catalog.services == ["math"])
        #expect(catalog.bind == TCPEndpoint(host: "0.0.0.0", port: 4001))
        #expect(catalog.advertise == "127.0.0.1")
        #expect(catalog.advertisedEndpoint == TCPEndpoint(host: "127.0.0.1", port: 4001))
        #expect(catalog.seeds == [TCPEndpoint(host: "10.0.0.1", port: 4000)])
        #expect(catalog.dataDirectory == "/srv/catalog")
        #expect(catalog.heartbeat.interval == .seconds(1))
        #expect(catalog.heartbeat.timeout == .seconds(3))
        #expect(catalog.logLevel == .debug)  // the entry's own level beats the file's
        #expect(catalog.logFormat == .text)
        #expect(catalog.options == ["cache": true])
        #expect(catalog.httpPort == nil)
        #expect(catalog.gateway == nil)

        let commerce = try resolve("commerce")
        #expect(commerce.logLevel == .notice)
        #expect(commerce.dataDirectory == "data/commerce")

        let gateway = try resolve("gateway")
        #expect(gateway.httpPort == 8080)
        #expect(gateway.gateway?.path == "/v2")
        #expect(gateway.services.isEmpty)
        #expect(gateway.advertise == "10.0.0.1")
    }

    @Test("flags override the file")
    func flagsOverrideFile() throws {
        let flags = NodeFlags(
            services: "greeter", seeds: "tcp://a:1,tcp://b:2", bind: "tcp://127.0.0.1:5001", advertise: "catalog.internal",
            namespace: "staging", transporter: "nats://flag:4222", data: "/tmp/c", logLevel: "error", logFormat: "json")
        let settings = try resolve("catalog", flags: flags)
        #expect(settings.services == ["greeter"])
        #expect(settings.seeds == [TCPEndpoint(host: "a", port: 1), TCPEndpoint(host: "b", port: 2)])
        #expect(settings.bind == TCPEndpoint(host: "127.0.0.1", port: 5001))
        #expect(settings.advertise == "catalog.internal")
        #expect(settings.namespace == "staging")
        #expect(settings.transporter == .nats(["nats://flag:4222"]))
        #expect(settings.dataDirectory == "/tmp/c")
        #expect(settings.logLevel == .error)
        #expect(settings.logFormat == .json)
        #expect(settings.options == ["cache": true])  // not a flag: still the file's
    }

    @Test("QUARK_* variables override flags; empty ones count as unset")
    func environmentOverridesFlags() throws {
        let flags = NodeFlags(services: "greeter", seeds: "tcp://a:1", bind: "tcp://0.0.0.0:5001", advertise: "flag.host",
            namespace: "flag", transporter: "zmq", data: "/flag", logLevel: "error", logFormat: "json")
        let env = [
            "QUARK_ID": "commerce", "QUARK_SERVICES": "math", "QUARK_SEEDS": "tcp://env:9", "QUARK_BIND": "tcp://*:6000",
            "QUARK_ADVERTISE": "env.host", "QUARK_NAMESPACE": "env", "QUARK_TRANSPORTER": "nats://n:4222",
            "QUARK_DATA": "/env", "QUARK_LOG_LEVEL": "trace", "QUARK_LOG_FORMAT": "text", "PATH": "/bin",
        ]
        let settings = try resolve("catalog", flags: flags, env: env)
        #expect(settings.nodeID == "commerce")
        #expect(settings.services == ["math"])
        #expect(settings.seeds == [TCPEndpoint(host: "env", port: 9)])
        #expect(settings.bind == TCPEndpoint(host: "*", port: 6000))
        #expect(settings.advertise == "env.host")
        #expect(settings.namespace == "env")
        #expect(settings.transporter == .nats(["nats://n:4222"]))
        #expect(settings.dataDirectory == "/env")
        #expect(settings.logLevel == .trace)
        #expect(settings.logFormat == .text)

        let blank = env.mapValues { _ in "" }
        let fromFlags = try resolve("catalog", flags: flags, env: blank)
        #expect(fromFlags.nodeID == "catalog")
        #expect(fromFlags.namespace == "flag")
        #expect(fromFlags.advertise == "flag.host")
    }

    @Test("without a file: flags alone; seeds default to the node itself")
    func withoutFile() throws {
        let settings = try resolve(nil, file: .some(nil), flags: NodeFlags(services: "math,greeter", bind: "tcp://10.1.1.1:7000"))
        #expect(settings.nodeID == nil)
        #expect(settings.services == ["math", "greeter"])
        #expect(settings.advertise == "10.1.1.1")  // a specific bind host is advertised
        #expect(settings.seeds == [TCPEndpoint(host: "10.1.1.1", port: 7000)])
        #expect(settings.dataDirectory == "data")
        #expect(settings.namespace == "")
        #expect(settings.logLevel == .info)

        let anyPort = try resolve(nil, file: .some(nil), flags: NodeFlags(services: "math"), env: ["QUARK_BIND": "tcp://0.0.0.0:0"])
        #expect(anyPort.bind == TCPEndpoint(host: "0.0.0.0", port: 0))
        #expect(anyPort.advertisedEndpoint == nil)
        #expect(anyPort.seeds.isEmpty)

        let nats = try resolve("solo", file: .some(nil), flags: NodeFlags(services: "math", transporter: "nats://n:4222"))
        #expect(nats.bind == nil)
        #expect(nats.seeds.isEmpty)
        #expect(nats.dataDirectory == "data/solo")
    }

    @Test("a file without --id gives the shared settings; the port comes from --bind")
    func fileWithoutID() throws {
        let settings = try resolve(nil, flags: NodeFlags(services: "math", bind: "tcp://0.0.0.0:4100"))
        #expect(settings.namespace == "store")
        #expect(settings.seeds == [TCPEndpoint(host: "10.0.0.1", port: 4000)])
        #expect(settings.logLevel == .notice)
        #expect(settings.advertise == "127.0.0.1")
    }

    @Test(
        "errors name the flag, the variable or the file",
        arguments: [
            ("catalgo", NodeFlags(), [:], "command line: --id: no node \"catalgo\" in nodes.yml (did you mean 'catalog'?); nodes: gateway, catalog, commerce"),
            ("catalog", NodeFlags(), ["QUARK_ID": "billing"], "environment: QUARK_ID: no node \"billing\" in nodes.yml; nodes: gateway, catalog, commerce"),
            ("catalog", NodeFlags(services: "math,mailer"), [:], "command line: --services: unknown service \"mailer\"; known: greeter, math"),
            ("catalog", NodeFlags(), ["QUARK_SERVICES": "math,,greeter"], "environment: QUARK_SERVICES: empty service name"),
            ("catalog", NodeFlags(), ["QUARK_SEEDS": "tcp://a:1,b:2"], "environment: QUARK_SEEDS: \"b:2\" is not tcp://host:port"),
            ("catalog", NodeFlags(bind: "tcp://0.0.0.0:99999"), [:], "command line: --bind: 99999 is not a port (1-65535)"),
            ("gateway", NodeFlags(), ["QUARK_BIND": "tcp://0.0.0.0:8080"], "environment: QUARK_BIND: port 8080 is the node's HTTP port; give ZeroMQ another port"),
            ("catalog", NodeFlags(advertise: "0.0.0.0"), [:], "command line: --advertise: \"0.0.0.0\" is not a host other nodes can reach"),
            ("catalog", NodeFlags(transporter: "nats"), [:], "command line: --transporter: \"nats\" is not a transporter (zmq or nats://host:port)"),
            ("catalog", NodeFlags(transporter: "memory"), [:], "command line: --transporter: the memory transporter only links brokers inside one process; use zmq or nats://host:port"),
            ("catalog", NodeFlags(), ["QUARK_TRANSPORTER": "memory"], "environment: QUARK_TRANSPORTER: the memory transporter only links brokers inside one process; use zmq or nats://host:port"),
            ("catalog", NodeFlags(), ["QUARK_LOG_LEVEL": "verbose"], "environment: QUARK_LOG_LEVEL: \"verbose\" is not a log level (trace, debug, info, notice, warning, error, critical)"),
            ("catalog", NodeFlags(logFormat: "xml"), [:], "command line: --log-format: \"xml\" is not a log format (text, json)"),
            ("catalog", NodeFlags(namespace: "a b"), [:], "command line: --namespace: \"a b\" is not a valid namespace (letters, digits, '.', '_', '-')"),
            ("catalog", NodeFlags(data: ""), [:], "command line: --data: the path is empty"),
            (nil, NodeFlags(services: "math"), [:], "command line: --bind: the ZeroMQ transporter needs a port; give --bind tcp://0.0.0.0:PORT or --id of a node in nodes.yml"),
            (nil, NodeFlags(bind: "tcp://0.0.0.0:4100"), [:], "command line: --services: no services to run; give --services a,b or --id of a node in nodes.yml"),
        ] as [(String?, NodeFlags, [String: String], String)])
    func errors(_ id: String?, _ flags: NodeFlags, _ env: [String: String], _ expected: String) {
        let error = #expect(throws: ConfigError.self) { try resolve(id, flags: flags, env: env) }
        #expect(error?.description == expected)
    }

    @Test("without a file, the hints point at --config")
    func errorsWithoutFile() {
        let error = #expect(throws: ConfigError.self) {
            try resolve(nil, file: .some(nil), flags: NodeFlags(bind: "tcp://0.0.0.0:4100"))
        }
        #expect(error?.description == "command line: --services: no services to run; give --services a,b or --config nodes.yml --id ID")
    }
}
