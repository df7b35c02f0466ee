import Foundation

/// A `quark node` named `worker` with greeter and math on a free port, started from a nodes.yml
/// in a temporary directory of its own.
struct WorkerNode {
    let node: NodeProcess
    let directory: String

    var config: String { "\(directory)/nodes.yml" }

    static func start() async throws -> WorkerNode {
        let port = freePort()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quark-worker-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "logLevel: warning\nnodes:\n  - {id: worker, port: \(port), services: [greeter, math], data: \(directory)/worker}\n"
            .write(toFile: "\(directory)/nodes.yml", atomically: true, encoding: .utf8)
        return WorkerNode(node: try await NodeProcess(config: "\(directory)/nodes.yml", id: "worker", port: port), directory: directory)
    }

    /// Stops the node (SIGTERM) and removes the directory.
    func stop() {
        node.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
