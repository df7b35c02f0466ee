import Broker
import Foundation
import Testing
import ZeroMQTransporter

/// The mesh across hosts: each node in its own network namespace (its own address, reached
/// over veth and a bridge), binding 0.0.0.0 and advertising its host address.
@Suite("ZeroMQ mesh across network namespaces", .timeLimit(.minutes(3)))
struct MultiHostTests {
    @Test("three hosts: found through one seed, balanced, kill -9 survived, restart rejoins, SIGTERM exits cleanly")
    func threeHosts() async throws {
        let network = try TestNetwork.create(hosts: 3)
        defer { network.tearDown() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quark-hosts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let config = "\(directory)/nodes.yml"
        let entries = ["greeter", "greeter", "math"].enumerated().map { index, service in
            "  - {id: h\(index + 1), host: \(network.hosts[index].address), port: 4100, services: [\(service)], data: \(directory)/h\(index + 1)}"
        }
        try (["heartbeat: {interval: 500ms, timeout: 2s}", "logLevel: warning", "nodes:"] + entries)
            .joined(separator: "\n").write(toFile: config, atomically: true, encoding: .utf8)
        var nodes: [NodeProcess] = []
        for (index, host) in network.hosts.enumerated() {
            nodes.append(try await NodeProcess(config: config, id: "h\(index + 1)", port: 4100, namespace: host.namespace))
        }
        defer { for node in nodes { node.stop(signal: SIGKILL) } }

        let caller = try await meshCaller(
            bind: "tcp://\(network.hostAddress):0", seed: "tcp://\(network.hosts[0].address):4100", waitingFor: ["h1", "h2", "h3"])

        var answers: Set<String> = []
        for _ in 0..<10 { answers.insert(try await caller.call("greeter.hello").stringValue ?? "") }
        #expect(answers == ["Hello from h1", "Hello from h2"])
        #expect(try await caller.call("math.mult", ["a": 6, "b": 7]) == 42)
        let list = try await caller.call("$node.list")
        let h3 = list.arrayValue?.first { $0["id"] == "h3" }
        #expect(h3?["metadata"]?["zmq"]?["endpoint"] == .string("tcp://\(network.hosts[2].address):4100"))

        nodes[1].stop(signal: SIGKILL)
        for _ in 0..<20 { #expect(try await caller.call("greeter.hello") == "Hello from h1") }

        nodes[1] = try await NodeProcess(config: config, id: "h2", port: 4100, namespace: network.hosts[1].namespace)
        try await caller.waitForNodes(["h2"], timeout: .seconds(20))
        var afterRestart: Set<String> = []
        for _ in 0..<10 { afterRestart.insert(try await caller.call("greeter.hello").stringValue ?? "") }
        #expect(afterRestart.contains("Hello from h2"))

        #expect(nodes[0].stop() == 0)
        await caller.stop()
        #expect(nodes[1].stop() == 0)
        #expect(nodes[2].stop() == 0)
        #expect(!nodes[2].stderrText.contains("error"))
    }
}
