import NodeKit
import Testing

/// One invalid `nodes.yml` and the exact one-line error it gets.
struct InvalidFileCase: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    let error: String

    var testDescription: String { name }
}

/// A valid file whose third node (`nodes[2]`, line 12) and shared settings are easy to break.
func nodesYAML(
    top: String = "namespace: store", node2: String = "port: 4002", extra: String = ""
) -> String {
    """
    \(top)
    nodes:
      - id: gateway
        port: 4000
        http: 8080
      - id: catalog
        port: 4001
        services: [math]
      - id: commerce
        services: [greeter]
        data: data/commerce
        \(node2)
    \(extra)
    """
}

@Suite("nodes.yml: every validation error names file, line and field")
struct NodesFileErrorTests {
    static let cases: [InvalidFileCase] = [
        .init(name: "empty file", yaml: "", error: "nodes.yml: the file is empty; it needs at least a list of nodes"),
        .init(name: "only comments", yaml: "# nothing yet\n", error: "nodes.yml: the file is empty; it needs at least a list of nodes"),
        .init(name: "not a mapping", yaml: "- a\n- b\n", error: "nodes.yml:1: expected a mapping (key: value), found a list"),
        .init(name: "a bare word", yaml: "hello\n", error: "nodes.yml:1: expected a mapping (key: value), found \"hello\""),
        .init(name: "YAML syntax: unclosed flow list", yaml: "namespace: a\nnodes: [\n", error: "nodes.yml:3: invalid YAML: while parsing a flow node at line 3: did not find expected node content"),
        .init(name: "YAML syntax: bad indentation", yaml: "namespace: a\n  logLevel: info\n", error: "nodes.yml:2: invalid YAML: mapping values are not allowed in this context"),
        .init(name: "YAML syntax: duplicate key", yaml: "namespace: a\nlogLevel: info\nnamespace: b\n", error: "nodes.yml:1: key 'namespace' is given twice in one mapping"),
        .init(name: "two documents", yaml: "namespace: a\n---\nnamespace: b\n", error: "nodes.yml:2: invalid YAML: expected a single document in the stream at line 1: but found another document"),
        .init(name: "unknown top-level key", yaml: nodesYAML(top: "namspace: store"), error: "nodes.yml:1: namspace: unknown key (did you mean 'namespace'?); allowed: namespace, transporter, seeds, heartbeat, logLevel, gateway, settings, nodes"),
        .init(name: "no nodes", yaml: "namespace: store\n", error: "nodes.yml:1: nodes: missing (the list of nodes)"),
        .init(name: "empty node list", yaml: "nodes: []\n", error: "nodes.yml:1: nodes: the list is empty; give at least one node"),
        .init(name: "nodes not a list", yaml: "nodes: gateway\n", error: "nodes.yml:1: nodes: expected a list, found \"gateway\""),
        .init(name: "node not a mapping", yaml: "nodes:\n  - gateway\n", error: "nodes.yml:2: nodes[0]: expected a mapping (key: value), found \"gateway\""),
        .init(name: "bad port", yaml: nodesYAML(node2: "port: 70000"), error: "nodes.yml:12: nodes[2].port: 70000 is not a port (1-65535)"),
        .init(name: "port zero", yaml: nodesYAML(node2: "port: 0"), error: "nodes.yml:12: nodes[2].port: 0 is not a port (1-65535)"),
        .init(name: "port not a number", yaml: nodesYAML(node2: "port: http"), error: "nodes.yml:12: nodes[2].port: expected a port number (1-65535), found \"http\""),
        .init(name: "missing port", yaml: nodesYAML(node2: "host: 127.0.0.1"), error: "nodes.yml:9: nodes[2].port: missing (the node's ZeroMQ port)"),
        .init(name: "typo in a node key", yaml: nodesYAML(node2: "prot: 4002"), error: "nodes.yml:12: nodes[2].prot: unknown key (did you mean 'port'?); allowed: id, host, port, http, services, data, logLevel, options, settings"),
        .init(name: "duplicate port", yaml: nodesYAML(node2: "port: 4001"), error: "nodes.yml:12: nodes[2].port: port 4001 on 127.0.0.1, already used by nodes[1] (catalog)"),
        .init(name: "ZeroMQ port equal to the gateway's HTTP port", yaml: nodesYAML(node2: "port: 8080"), error: "nodes.yml:12: nodes[2].port: port 8080 on 127.0.0.1, already used by nodes[0] (gateway)"),
        .init(name: "second HTTP node", yaml: nodesYAML(node2: "port: 4002\n    http: 8081"), error: "nodes.yml:13: nodes[2].http: only one node may serve HTTP, already used by nodes[0] (gateway)"),
        .init(name: "HTTP port out of range", yaml: nodesYAML(node2: "port: 4002\n    http: -1"), error: "nodes.yml:13: nodes[2].http: -1 is not a port (1-65535)"),
        .init(name: "duplicate node id", yaml: nodesYAML(extra: "  - id: catalog\n    port: 4010\n    services: [math]"), error: "nodes.yml:13: nodes[3].id: duplicate node id \"catalog\", already used by nodes[1] (catalog)"),
        .init(name: "missing id", yaml: "nodes:\n  - port: 4000\n    services: [math]\n", error: "nodes.yml:2: nodes[0].id: missing (the node's unique name)"),
        .init(name: "bad id", yaml: "nodes:\n  - id: my node\n    port: 4000\n", error: "nodes.yml:2: nodes[0].id: \"my node\" is not a valid node id (letters, digits, '.', '_', '-')"),
        .init(name: "unknown service", yaml: nodesYAML(extra: "  - id: spare\n    port: 4010\n    services: [greeter, mth]"), error: "nodes.yml:15: nodes[3].services[1]: unknown service \"mth\" (did you mean 'math'?); known: greeter, math"),
        .init(name: "service listed twice", yaml: "nodes:\n  - id: a\n    port: 4000\n    services: math, math\n", error: "nodes.yml:4: nodes[0].services[1]: service \"math\" is listed twice"),
        .init(name: "node that does nothing", yaml: "nodes:\n  - id: idle\n    port: 4000\n", error: "nodes.yml:2: nodes[0].services: node \"idle\" runs no service and serves no HTTP; list its services"),
        .init(name: "shared data directory", yaml: nodesYAML(extra: "  - id: spare\n    port: 4010\n    services: [math]\n    data: data/commerce"), error: "nodes.yml:16: nodes[3].data: data directory \"data/commerce\", already used by nodes[2] (commerce)"),
        .init(name: "a key that is not a name", yaml: "? [a, b]\n: 1\n", error: "nodes.yml:1: keys must be plain names"),
        .init(name: "an option JSON cannot hold", yaml: nodesYAML(node2: "port: 4002\n    options: {ratio: .inf}"), error: "nodes.yml:13: nodes[2].options.ratio: JSON has no .inf"),
        .init(name: "HTTP port equal to the node's own ZeroMQ port", yaml: "nodes:\n  - id: gw\n    port: 4000\n    http: 4000\n", error: "nodes.yml:4: nodes[0].http: port 4000 on 127.0.0.1, already used by nodes[0] (gw)"),
        .init(name: "options not a mapping", yaml: nodesYAML(node2: "port: 4002\n    options: [a]"), error: "nodes.yml:13: nodes[2].options: expected a mapping, found a list"),
        .init(name: "node host is a wildcard", yaml: nodesYAML(node2: "port: 4002\n    host: 0.0.0.0"), error: "nodes.yml:13: nodes[2].host: \"0.0.0.0\" is not a host other nodes can reach"),
        .init(name: "seed without scheme", yaml: nodesYAML(top: "seeds: [127.0.0.1:4000]"), error: "nodes.yml:1: seeds[0]: \"127.0.0.1:4000\" is not tcp://host:port"),
        .init(name: "seed with bad port", yaml: nodesYAML(top: "seeds:\n  - tcp://a:4000\n  - tcp://b:99999"), error: "nodes.yml:3: seeds[1]: 99999 is not a port (1-65535)"),
        .init(name: "seed on every interface", yaml: nodesYAML(top: "seeds: tcp://0.0.0.0:4000"), error: "nodes.yml:1: seeds[0]: \"tcp://0.0.0.0:4000\" names every interface; give a host other nodes can reach"),
        .init(name: "seed listed twice", yaml: nodesYAML(top: "seeds: [tcp://a:4000, tcp://a:4000]"), error: "nodes.yml:1: seeds[1]: seed tcp://a:4000 is listed twice"),
        .init(name: "unknown transporter", yaml: nodesYAML(top: "transporter: kafka"), error: "nodes.yml:1: transporter: \"kafka\" is not a transporter (zmq or nats://host:port)"),
        .init(name: "memory transporter", yaml: nodesYAML(top: "transporter: memory"), error: "nodes.yml:1: transporter: the memory transporter only links brokers inside one process; use zmq or nats://host:port"),
        .init(name: "NATS URL without port", yaml: nodesYAML(top: "transporter: nats://a:4222,nats://b"), error: "nodes.yml:1: transporter: \"nats://b\" is not a NATS server URL (nats://[user:password@]host:port)"),
        .init(name: "heartbeat timeout not above interval", yaml: nodesYAML(top: "heartbeat:\n  interval: 5s\n  timeout: 5000"), error: "nodes.yml:3: heartbeat.timeout: 5s must be longer than heartbeat.interval (5s)"),
        .init(name: "heartbeat default timeout below a long interval", yaml: nodesYAML(top: "heartbeat:\n  interval: 20s"), error: "nodes.yml:2: heartbeat.timeout: 15s must be longer than heartbeat.interval (20s)"),
        .init(name: "heartbeat bad duration", yaml: nodesYAML(top: "heartbeat: {interval: 5 parsecs}"), error: "nodes.yml:1: heartbeat.interval: \"5 parsecs\" is not a duration (milliseconds, or a number with ms, s, m or h)"),
        .init(name: "heartbeat zero", yaml: nodesYAML(top: "heartbeat: {interval: 0}"), error: "nodes.yml:1: heartbeat.interval: \"0\" is not a duration (milliseconds, or a number with ms, s, m or h)"),
        .init(name: "heartbeat typo", yaml: nodesYAML(top: "heartbeat:\n  intervall: 1s"), error: "nodes.yml:2: heartbeat.intervall: unknown key (did you mean 'interval'?); allowed: interval, timeout, forgetAfter"),
        .init(name: "heartbeat forgetAfter too short", yaml: nodesYAML(top: "heartbeat: {forgetAfter: 10s}"), error: "nodes.yml:1: heartbeat.forgetAfter: 10s must be longer than heartbeat.timeout (15s)"),
        .init(name: "bad log level", yaml: nodesYAML(top: "logLevel: loud"), error: "nodes.yml:1: logLevel: \"loud\" is not a log level (trace, debug, info, notice, warning, error, critical)"),
        .init(name: "bad node log level", yaml: nodesYAML(node2: "port: 4002\n    logLevel: [info]"), error: "nodes.yml:13: nodes[2].logLevel: expected a text value, found a list"),
        .init(name: "bad namespace", yaml: nodesYAML(top: "namespace: my store"), error: "nodes.yml:1: namespace: \"my store\" is not a valid namespace (letters, digits, '.', '_', '-')"),
        .init(name: "gateway path without slash", yaml: nodesYAML(top: "gateway: {path: api}"), error: "nodes.yml:1: gateway.path: \"api\" is not a URL path (it starts with /)"),
        .init(name: "gateway body limit", yaml: nodesYAML(top: "gateway:\n  bodyLimit: 0"), error: "nodes.yml:2: gateway.bodyLimit: 0 is not a positive number of bytes"),
        .init(name: "settings of an unknown service", yaml: nodesYAML(top: "settings: {mathh: {precision: 2}}"), error: "nodes.yml:1: settings.mathh: unknown key (did you mean 'math'?); allowed: greeter, math"),
        .init(name: "service settings not a mapping", yaml: nodesYAML(top: "settings:\n  greeter: hello"), error: "nodes.yml:2: settings.greeter: expected the settings of service \"greeter\" as a mapping, found \"hello\""),
        .init(name: "node settings of a service it does not run", yaml: nodesYAML(node2: "port: 4002\n    settings: {math: {precision: 2}}"), error: "nodes.yml:13: nodes[2].settings.math: unknown key; allowed: greeter"),
        .init(name: "gateway settings without a gateway", yaml: "gateway: {path: /api}\nnodes:\n  - {id: a, port: 4000, services: [math]}\n", error: "nodes.yml:1: gateway: gateway settings are given but no node has an http port"),
    ]

    @Test("rejects with one exact line", arguments: cases)
    func rejects(_ invalid: InvalidFileCase) {
        let error = #expect(throws: ConfigError.self) {
            try NodesFile.parse(text: invalid.yaml, file: "nodes.yml", knownServices: ["greeter", "math"])
        }
        #expect(error?.description == invalid.error)
        #expect(error?.description.contains("\n") == false)
    }

    @Test("the template itself is valid")
    func templateIsValid() throws {
        let file = try NodesFile.parse(text: nodesYAML(), file: "nodes.yml", knownServices: ["greeter", "math"])
        #expect(file.nodes.map(\.port) == [4000, 4001, 4002])
    }
}
