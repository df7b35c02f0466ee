import Broker
import Foundation
import Testing

@Suite("The quark executable", .timeLimit(.minutes(2)))
struct QuarkCommandTests {
    @Test("quark demo --once makes the sample calls and exits 0")
    func demo() async throws {
        let outcome = try await QuarkProcess.run(["demo", "--once"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.contains(#"greeter.welcome {"name":"Ada"} → "Welcome, Ada!""#))
        #expect(outcome.stdout.contains(#"math.add {"a":2,"b":3} → 5"#))
        #expect(outcome.stdout.contains("DIVISION_BY_ZERO"))
    }

    @Test("quark bench local --json prints one JSON object with the rate and its baseline")
    func benchLocal() async throws {
        let outcome = try await QuarkProcess.run(["bench", "local", "--calls", "2000", "--json"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let report = try JSONParser.parse(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(report["scenario"] == "local")
        #expect(report["calls"] == 2000)
        #expect((report["calls_per_sec"]?.intValue ?? 0) > 0)
        #expect((report["baseline_calls_per_sec"]?.intValue ?? 0) > 0)
        #expect(report["p99_us"]?.doubleValue != nil)
    }

    @Test("quark bench hub --json measures remote calls over the in-memory hub")
    func benchHub() async throws {
        let outcome = try await QuarkProcess.run(["bench", "hub", "--calls", "500", "--inflight", "4", "--json"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let report = try JSONParser.parse(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(report["scenario"] == "hub")
        #expect(report["calls"] == 2000)
    }

    @Test("an unknown flag is a clear error with exit code 64")
    func badFlag() async throws {
        let outcome = try await QuarkProcess.run(["bench", "local", "--no-such-flag"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("no-such-flag"))
    }
}

@Suite("quark node processes", .timeLimit(.minutes(2)))
struct NodeProcessTests {
    @Test("an unknown service is a one-line error with exit code 2")
    func unknownService() async throws {
        let outcome = try await QuarkProcess.run(["node", "--services", "math,nope", "--bind", "tcp://127.0.0.1:0"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(#"--services: unknown service "nope""#))
        #expect(outcome.stderr.split(separator: "\n").count == 1)
    }

    @Test("a bad bind port is a one-line error with exit code 2")
    func badBindPort() async throws {
        let outcome = try await QuarkProcess.run(["node", "--services", "math", "--bind", "tcp://127.0.0.1:99999"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "quark: command line: --bind: 99999 is not a port (1-65535)\n")
    }

    @Test("an address this machine does not have is reported when binding, exit code 2")
    func unbindableAddress() async throws {
        let outcome = try await QuarkProcess.run(["node", "--services", "math", "--bind", "tcp://192.0.2.1:4100"])
        #expect(outcome.status == 2)
        let lastLine = outcome.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(lastLine.hasPrefix("quark: cannot start"), "stderr: \(outcome.stderr)")
    }

    @Test("bench events delivers every balanced event to a second node process")
    func benchEvents() async throws {
        let outcome = try await QuarkProcess.run(["bench", "events", "--calls", "2000", "--json"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let report = try JSONParser.parse(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(report["scenario"] == "events")
        #expect(report["events_sent"] == 2000)
        #expect(report["events_lost"] == 0)
    }

    @Test("bench remote calls math.add on a second node process over ZeroMQ")
    func benchRemote() async throws {
        let outcome = try await QuarkProcess.run(["bench", "remote", "--calls", "200", "--inflight", "4", "--json"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let report = try JSONParser.parse(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(report["scenario"] == "remote")
        #expect(report["calls"] == 800)
    }

    @Test("bench remote --rounds alternates baseline and Quark and reports the median round")
    func benchRemoteRounds() async throws {
        let outcome = try await QuarkProcess.run(["bench", "remote", "--calls", "50", "--inflight", "2", "--rounds", "3", "--json"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let report = try JSONParser.parse(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        let rounds = try #require(report["rounds"]?.arrayValue)
        #expect(rounds.count == 3)
        let ratios = rounds.compactMap { $0["ratio_to_baseline"]?.doubleValue }.sorted()
        #expect(ratios.count == 3 && ratios.allSatisfy { $0 > 0 })
        #expect(report["ratio_to_baseline"]?.doubleValue == ratios[1])
        #expect(report["baseline"] == "raw_zmq")

        let refused = try await QuarkProcess.run(["bench", "remote", "--rounds", "0"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--rounds must be at least 1"), "stderr: \(refused.stderr)")
    }
}

@Suite("quark node with nodes.yml", .timeLimit(.minutes(2)))
struct NodeConfigProcessTests {
    /// Writes `text` to a fresh temporary nodes.yml and returns its path.
    static func temporaryFile(_ text: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quark-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("nodes.yml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("a bad port in nodes.yml is one line naming file, line and field, exit code 2")
    func badPort() async throws {
        let path = try Self.temporaryFile("nodes:\n  - id: a\n    port: 70000\n    services: [math]\n")
        let outcome = try await QuarkProcess.run(["node", "--config", path, "--id", "a"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "quark: \(path):3: nodes[0].port: 70000 is not a port (1-65535)\n")
    }

    @Test("a node from nodes.yml starts, flags override the file, SIGTERM stops it cleanly")
    func fromFile() async throws {
        let path = try Self.temporaryFile("nodes:\n  - id: solo\n    port: 4999\n    services: [greeter]\n    data: \(NSTemporaryDirectory())quark-solo-data\n")
        let outcome = try await QuarkProcess.runUntilReady(
            ["node", "--config", path, "--id", "solo", "--bind", "tcp://127.0.0.1:0", "--services", "greeter,math", "--log-level", "error"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("ready solo tcp://127.0.0.1:"))
        #expect(outcome.stderr.isEmpty)
    }
}
