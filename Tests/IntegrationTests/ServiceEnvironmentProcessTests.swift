import Broker
import Foundation
import Testing

/// `quark node` makes each service from its environment: settings from nodes.yml, the node's
/// data directory; `started` and `stopped` run around the node's life.
@Suite("Service environment in real node processes", .timeLimit(.minutes(2)))
struct ServiceEnvironmentProcessTests {
    /// A nodes.yml with one greeter node in a fresh directory; returns (config, data directory, port).
    static func greeterCluster(greeting: String) throws -> (config: String, data: String, port: Int) {
        let port = freePort()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quark-env-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let config = "\(directory)/nodes.yml"
        try """
            logLevel: warning
            settings:
              greeter: {greeting: "\(greeting)"}
            nodes:
              - {id: greet, port: \(port), services: [greeter], data: \(directory)/data}
            """.write(toFile: config, atomically: true, encoding: .utf8)
        return (config, "\(directory)/data", port)
    }

    @Test("settings from nodes.yml reach the service; its state is saved by stopped and read back by started")
    func settingsAndState() async throws {
        let cluster = try Self.greeterCluster(greeting: "Hi, {name}!")
        var node = try await NodeProcess(config: cluster.config, id: "greet", port: cluster.port)
        var caller = try await meshCaller(bind: "tcp://127.0.0.1:0", seed: node.endpoint, waitingFor: ["greet"])
        #expect(try await caller.call("greeter.welcome", ["name": "Ada"]) == "Hi, Ada!")
        #expect(try await caller.call("greeter.welcome", ["name": "Grace"]) == "Hi, Grace!")
        await caller.stop()
        #expect(node.stop() == 0)
        let saved = try JSONParser.parse(String(contentsOfFile: "\(cluster.data)/greeter.json", encoding: .utf8))
        #expect(saved == ["count": 2])

        node = try await NodeProcess(config: cluster.config, id: "greet", port: cluster.port)
        caller = try await meshCaller(bind: "tcp://127.0.0.1:0", seed: node.endpoint, waitingFor: ["greet"])
        #expect(try await caller.call("greeter.stats") == ["welcomed": 2])
        await caller.stop()
        #expect(node.stop() == 0)
    }

    @Test("a service whose started fails stops the node with one clear line and exit code 2")
    func failingStarted() async throws {
        let cluster = try Self.greeterCluster(greeting: "Hi, {name}!")
        try FileManager.default.createDirectory(atPath: cluster.data, withIntermediateDirectories: true)
        try "{not json".write(toFile: "\(cluster.data)/greeter.json", atomically: true, encoding: .utf8)
        let outcome = try await QuarkProcess.run(["node", "--config", cluster.config, "--id", "greet"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("quark: cannot start: The service 'greeter' failed to start: \(cluster.data)/greeter.json is not valid JSON"))
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        #expect(!outcome.stdout.contains("ready"))
    }

    @Test("a setting the service refuses stops the node before it joins, naming the service")
    func refusedSetting() async throws {
        let cluster = try Self.greeterCluster(greeting: "Hello!")
        let outcome = try await QuarkProcess.run(["node", "--config", cluster.config, "--id", "greet"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "quark: the service 'greeter' cannot be made: settings.greeting must contain {name} (got \"Hello!\")\n")
    }
}
