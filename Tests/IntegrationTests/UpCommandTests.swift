import Foundation
import Testing

@Suite("quark up processes", .serialized, .timeLimit(.minutes(3)))
struct UpCommandTests {
    /// A temporary directory with a two-node nodes.yml on free ports (`gateway` serves HTTP).
    struct Cluster {
        let directory: URL
        let config: String
        let data: String
        let httpPort: Int

        /// `top` is written above `nodes:` (for example `transporter: nats://...`).
        init(services: String = "[math]", top: String = "") throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("quark-up-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            config = directory.appendingPathComponent("nodes.yml").path
            data = directory.appendingPathComponent("data").path
            httpPort = freePort()
            let yaml = top + """
                nodes:
                  - id: gateway
                    port: \(freePort())
                    http: \(httpPort)
                  - id: worker
                    port: \(freePort())
                    services: \(services)
                """
            try yaml.write(toFile: config, atomically: true, encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    @Test("quark up starts every node, says when all are ready, quark call reaches them through nodes.yml, and SIGTERM stops them all with exit 0")
    func upAndDown() async throws {
        let cluster = try Cluster()
        defer { cluster.remove() }
        let up = try UpProcess(["--config", cluster.config, "--data", cluster.data])
        try await up.waitForLines { $0 == "quark up: all 2 nodes ready (services: math)" }
        #expect(up.lines.contains { $0.hasPrefix("gateway: http://127.0.0.1:\(cluster.httpPort)/api") })
        #expect(up.lines.contains { $0.hasPrefix("[worker] ready worker tcp://127.0.0.1:") })
        #expect(up.lines.contains { $0.hasPrefix("[gateway] ready gateway ") })
        #expect(up.stderr.contains("[worker] "), "node logs are prefixed with the node id")
        let children = up.childPIDs
        #expect(children.count == 2)
        #expect(FileManager.default.fileExists(atPath: cluster.data + "/worker"), "--data prefixes each node's data directory")

        let call = try await QuarkProcess.run(["call", "math.add", #"{"a":1,"b":2}"#, "--config", cluster.config])
        #expect(call.status == 0, "stderr: \(call.stderr)")
        #expect(call.stdout == "3\n")

        let status = await up.stop(signal: SIGTERM)
        #expect(status == 0, "stderr: \(up.stderr)")
        #expect(up.lines.last == "[up] all nodes stopped")
        for (id, pid) in children { #expect(!processExists(pid), "node \(id) (pid \(pid)) is still there") }
    }

    @Test("the same nodes.yml with a NATS transporter line runs the cluster over nats-server, and quark call goes through it")
    func upOverNATS() async throws {
        let server = try await NATSServerProcess()
        let cluster = try Cluster(top: "transporter: \(server.url)\n")
        defer { cluster.remove() }
        let up = try UpProcess(["--config", cluster.config, "--data", cluster.data])
        try await up.waitForLines { $0 == "quark up: all 2 nodes ready (services: math)" }
        #expect(up.lines.contains { $0 == "[worker] ready worker \(server.url)" })
        let call = try await QuarkProcess.run(["call", "math.add", #"{"a":20,"b":22}"#, "--config", cluster.config])
        #expect(call.status == 0, "stderr: \(call.stderr)")
        #expect(call.stdout == "42\n")
        let children = up.childPIDs
        #expect(await up.stop(signal: SIGTERM) == 0, "stderr: \(up.stderr)")
        for (id, pid) in children { #expect(!processExists(pid), "node \(id) (pid \(pid)) is still there") }
        server.stop()
    }

    @Test("when quark up itself is killed with SIGKILL, its nodes notice and stop")
    func upKilled() async throws {
        let cluster = try Cluster()
        defer { cluster.remove() }
        let up = try UpProcess(["--config", cluster.config, "--data", cluster.data])
        try await up.waitForLines { $0.hasPrefix("quark up: all 2 nodes ready") }
        let children = up.childPIDs
        #expect(children.count == 2)
        _ = await up.stop(signal: SIGKILL)
        let deadline = ContinuousClock.now + .seconds(15)
        while children.values.contains(where: processExists), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(100)) }
        for (id, pid) in children { #expect(!processExists(pid), "node \(id) (pid \(pid)) outlived quark up") }
    }

    @Test("a node killed with SIGKILL is restarted and becomes ready again")
    func restartAfterKill() async throws {
        let cluster = try Cluster()
        defer { cluster.remove() }
        let up = try UpProcess(["--config", cluster.config, "--data", cluster.data])
        try await up.waitForLines { $0.hasPrefix("quark up: all 2 nodes ready") }
        let first = try #require(up.childPIDs["worker"])
        kill(first, SIGKILL)

        try await up.waitForLines { $0 == "[up] node worker was killed by signal 9; restarting in 0.5s (restart 1)" }
        try await up.waitForLines(2) { $0.hasPrefix("[worker] ready worker ") }
        let second = try #require(up.childPIDs["worker"])
        #expect(second != first)
        #expect(!up.lines.contains { $0.contains("node gateway") }, "the other node keeps running")

        let status = await up.stop(signal: SIGINT)
        #expect(status == 0, "stderr: \(up.stderr)")
        for pid in up.childPIDs.values { #expect(!processExists(pid)) }
    }

    @Test("a bad nodes.yml is a one-line error with exit code 2, and nothing is started")
    func badFile() async throws {
        let cluster = try Cluster(services: "[math, nope]")
        defer { cluster.remove() }
        let outcome = try await QuarkProcess.run(["up", "--config", cluster.config, "--data", cluster.data])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("quark: \(cluster.config):"), "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains("nope"))
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        #expect(outcome.stdout.isEmpty, "no node was started")
        #expect(!FileManager.default.fileExists(atPath: cluster.data))
    }
}
