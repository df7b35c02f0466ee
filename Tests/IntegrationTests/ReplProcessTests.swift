import Foundation
import Testing

/// `quark repl` driven by a script on standard input, against a real node process.
@Suite("quark repl", .timeLimit(.minutes(2)))
struct ReplProcessTests {
    @Test("a script on stdin runs line by line with plain output; errors are printed and the REPL goes on; exit 0 at the end")
    func script() async throws {
        let worker = try await WorkerNode.start()
        defer { worker.stop() }
        let node = worker.node
        let script = """
            nodes
            call math.add --a 1 --b 2
            call greeter.welcome {"name": "Ada"}
            bench math.add {"a": 1, "b": 2} --num 100
            not-a-command
            call math.div --a 1 --b 0
            services -i
            """
        let outcome = try await QuarkProcess.run(
            ["repl", "--config", worker.config, "--seeds", node.endpoint], input: script + "\n", timeout: .seconds(60))
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("worker ") && $0.contains("ONLINE") }, "\(outcome.stdout)")
        #expect(lines.contains("3"))
        #expect(lines.contains("\"Welcome, Ada!\""))
        #expect(outcome.stdout.contains("bench 'math.add': 100 calls in"))
        #expect(outcome.stdout.contains(" req/s; latency avg "))
        #expect(lines.contains { $0.hasPrefix("greeter ") } && lines.contains { $0.hasPrefix("math ") })
        #expect(!outcome.stdout.contains("\u{1B}["), "no colours when stdout is not a terminal")
        #expect(outcome.stderr.contains("error: unknown command 'not-a-command'"))
        #expect(outcome.stderr.contains("type: DIVISION_BY_ZERO"))
        #expect(outcome.stderr.contains("code: 422"))
    }

    @Test("no cluster within the timeout is exit 3")
    func unreachable() async throws {
        let outcome = try await QuarkProcess.run(
            ["repl", "--seeds", "tcp://127.0.0.1:\(freePort())", "--timeout", "1"], input: "nodes\n")
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("no cluster reachable"))
    }
}
