import Broker
import Foundation
import NodeKit
import Services
import Testing

@Suite("nodes.yml: a valid file")
struct NodesFileTests {
    static let known: Set<String> = ["greeter", "math"]

    @Test("reads every field, in file order, with durations in ms or with units")
    func readsEveryField() throws {
        let yaml = """
            namespace: shop-1
            transporter: nats://10.0.0.5:4222, nats://10.0.0.6:4222
            seeds: [tcp://10.0.0.1:4000, "tcp://[::1]:4001"]
            heartbeat: {interval: 2000, timeout: 6.5s, forgetAfter: 1m}
            logLevel: warn
            gateway: {path: /v1, timeout: 500ms, bodyLimit: 4096, cors: "https://a.example, https://b.example"}
            nodes:
              - id: edge
                host: 10.0.0.1
                port: 4000
                http: 8080
              - id: workers.1
                port: 4000
                services: greeter, math
                data: /var/lib/quark/w1
                logLevel: debug
                options: {requestTimeout: 5000, ratio: 0.5, tags: [a, b], cache: {enabled: yes}, none: ~}
            """
        let file = try NodesFile.parse(text: yaml, file: "nodes.yml", knownServices: Self.known)
        #expect(file.namespace == "shop-1")
        #expect(file.transporter == .nats(["nats://10.0.0.5:4222", "nats://10.0.0.6:4222"]))
        #expect(file.transporter.description == "nats://10.0.0.5:4222,nats://10.0.0.6:4222")
        #expect(file.seeds == [TCPEndpoint(host: "10.0.0.1", port: 4000), TCPEndpoint(host: "::1", port: 4001)])
        #expect(file.seeds.map(\.description) == ["tcp://10.0.0.1:4000", "tcp://[::1]:4001"])
        #expect(file.heartbeat.interval == .seconds(2))
        #expect(file.heartbeat.timeout == .milliseconds(6500))
        #expect(file.heartbeat.forgetAfter == .seconds(60))
        #expect(file.logLevel == .warning)
        #expect(file.gateway.path == "/v1")
        #expect(file.gateway.requestTimeout == .milliseconds(500))
        #expect(file.gateway.bodyLimit == 4096)
        #expect(file.gateway.cors == ["https://a.example", "https://b.example"])
        #expect(file.nodes.map(\.id) == ["edge", "workers.1"])
        #expect(file.gatewayNode?.id == "edge")

        let edge = try #require(file.node(id: "edge"))
        #expect(edge.endpoint == TCPEndpoint(host: "10.0.0.1", port: 4000))
        #expect(edge.httpPort == 8080)
        #expect(edge.services.isEmpty)
        #expect(edge.dataDirectory == "data/edge")
        #expect(edge.logLevel == nil)

        let worker = try #require(file.node(id: "workers.1"))
        #expect(worker.host == "127.0.0.1")
        #expect(worker.port == 4000)  // same port, other host: allowed
        #expect(worker.services == ["greeter", "math"])
        #expect(worker.dataDirectory == "/var/lib/quark/w1")
        #expect(worker.logLevel == .debug)
        #expect(worker.options == [
            "requestTimeout": 5000, "ratio": 0.5, "tags": ["a", "b"], "cache": ["enabled": true], "none": .null,
        ])
    }

    @Test("a minimal file gets the defaults; seeds default to the first node")
    func defaults() throws {
        let file = try NodesFile.parse(text: "nodes:\n  - {id: a, port: 5000, services: [math]}\n", file: "n.yml", knownServices: Self.known)
        #expect(file.path == "n.yml")
        #expect(file.namespace == "")
        #expect(file.transporter == .zeroMQ)
        #expect(file.transporter.description == "zmq")
        #expect(file.seeds == [TCPEndpoint(host: "127.0.0.1", port: 5000)])
        #expect(file.heartbeat.interval == .seconds(5))
        #expect(file.heartbeat.timeout == .seconds(15))
        #expect(file.logLevel == .info)
        #expect(file.gateway == GatewaySettings())
        #expect(file.gatewayNode == nil)
        #expect(file.nodes.first?.options == [:])
    }

    @Test("the shipped nodes.yml loads: a gateway first, then the store's node groups")
    func shippedExample() throws {
        let path = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "nodes.yml").path
        let file = try NodesFile.load(path: path, knownServices: Set(ServiceCatalog.names))
        #expect(file.nodes.map(\.id) == ["gateway", "identity", "catalog", "commerce", "fulfilment", "engagement", "insights"])
        #expect(file.gatewayNode?.id == "gateway")
        #expect(file.gatewayNode?.httpPort == 8080)
        #expect(file.seeds == [try #require(file.node(id: "gateway")).endpoint])
        // Every service of the catalog runs somewhere, but the benchmarks' event sink.
        #expect(Set(file.nodes.flatMap(\.services)) == Set(ServiceCatalog.names).subtracting(["benchsink"]))
        #expect(file.namespace == "store")
        #expect(file.transporter == .zeroMQ)
    }

    @Test("loading names the file when it is missing, a directory, or not UTF-8")
    func unreadableFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "nodekit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = directory.appending(path: "binary.yml")
        try Data([0x6E, 0x6F, 0xFF, 0xFE]).write(to: binary)
        let cases = [
            (directory.appending(path: "absent.yml").path, "absent.yml: no such file"),
            (directory.path, "\(directory.lastPathComponent): is a directory, not a file"),
            (binary.path, "binary.yml: is not UTF-8 text"),
        ]
        for (path, suffix) in cases {
            let error = #expect(throws: ConfigError.self) { try NodesFile.load(path: path, knownServices: Self.known) }
            #expect(error?.description.hasSuffix(suffix) == true, "\(error?.description ?? "no error")")
            #expect(error?.source == path)
        }
    }
}
