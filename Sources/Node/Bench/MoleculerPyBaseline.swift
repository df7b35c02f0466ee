import ArgumentParser
import Broker
import Foundation

/// The NATS benchmark's baseline: `Tests/Interop/moleculerpy_bench.py`, two MoleculerPy nodes
/// (two processes) making the same calls on the same nats-server.
struct MoleculerPyBaseline {
    let python: String
    var script = "Tests/Interop/moleculerpy_bench.py"

    /// Calls per second that MoleculerPy reaches at `options.inflight`.
    func measure(nats: String, options: BenchOptions) async throws -> Double {
        guard FileManager.default.isExecutableFile(atPath: python), FileManager.default.fileExists(atPath: script) else {
            throw ValidationError(
                "the NATS baseline needs \(python) with MoleculerPy and \(script): run it from the repository after scripts/moleculerpy-venv.sh .build/moleculerpy-venv (or use --python)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [
            script, "--nats", nats, "--inflight", "\(options.inflight)", "--time", "\(options.seconds)",
            "--count", "\(options.calls.map { $0 * options.inflight } ?? 10_000_000)",
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = try await Task.detached { try output.fileHandleForReading.readToEnd() ?? Data() }.value
        process.waitUntilExit()
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        guard process.terminationStatus == 0, let rate = (try? JSONParser.parse(line))?["rate"]?.doubleValue else {
            throw ValidationError("the MoleculerPy baseline failed (exit \(process.terminationStatus)): \(line)")
        }
        return rate
    }
}
