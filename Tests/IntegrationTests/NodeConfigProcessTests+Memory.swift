import Foundation
import Testing

/// `memory` cannot link node processes (its hub lives in one process), so every way of naming
/// it for `quark node` or `quark up` is refused before anything starts.
extension NodeConfigProcessTests {
    static let memoryRefusal = "the memory transporter only links brokers inside one process; use zmq or nats://host:port"

    @Test(
        "quark node refuses the memory transporter from a flag or QUARK_TRANSPORTER: one line, exit code 2",
        arguments: [
            (["--transporter", "memory"], [:], "command line: --transporter"),
            ([], ["QUARK_TRANSPORTER": "memory"], "environment: QUARK_TRANSPORTER"),
        ] as [([String], [String: String], String)])
    func memoryFromCommandLine(_ flags: [String], _ environment: [String: String], _ origin: String) async throws {
        let arguments = ["node", "--services", "math", "--bind", "tcp://127.0.0.1:0"] + flags
        let outcome = try await QuarkProcess.run(arguments, environment: environment)
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "quark: \(origin): \(Self.memoryRefusal)\n")
        #expect(outcome.stdout.isEmpty)
    }

    @Test("quark node and quark up refuse transporter: memory in nodes.yml: one line, exit code 2")
    func memoryFromFile() async throws {
        let path = try Self.temporaryFile("transporter: memory\nnodes:\n  - id: a\n    port: 4998\n    services: [math]\n")
        for arguments in [["node", "--config", path, "--id", "a"], ["up", "--config", path]] {
            let outcome = try await QuarkProcess.run(arguments)
            #expect(outcome.status == 2, "\(arguments[0])")
            #expect(outcome.stderr == "quark: \(path):1: transporter: \(Self.memoryRefusal)\n", "\(arguments[0])")
            #expect(outcome.stdout.isEmpty, "\(arguments[0])")
        }
    }
}
