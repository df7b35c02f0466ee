import Broker
import Foundation
import Testing
import ZeroMQTransporter

/// Issue 3's scenario with real processes on loopback: three `quark node` processes (greeter on
/// two of them), the test process joins the mesh as a caller.
@Suite("ZeroMQ mesh with real node processes", .timeLimit(.minutes(3)))
struct MeshFailureTests {
    @Test("calls balance over two replicas; kill -9 of one is survived and detected; a restart takes traffic; SIGTERM exits cleanly")
    func replicaCrashAndRestart() async throws {
        let ports = (0..<3).map { _ in freePort() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quark-mesh-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let config = "\(directory)/nodes.yml"
        try """
            heartbeat: {interval: 500ms, timeout: 2s}
            logLevel: warning
            nodes:
              - {id: n1, port: \(ports[0]), services: [greeter], data: \(directory)/n1}
              - {id: n2, port: \(ports[1]), services: [greeter], data: \(directory)/n2}
              - {id: n3, port: \(ports[2]), services: [math], data: \(directory)/n3}
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let n1 = try await NodeProcess(config: config, id: "n1", port: ports[0])
        var n2 = try await NodeProcess(config: config, id: "n2", port: ports[1])
        let n3 = try await NodeProcess(config: config, id: "n3", port: ports[2])

        let caller = try await meshCaller(bind: "tcp://127.0.0.1:0", seed: n1.endpoint, waitingFor: ["n1", "n2", "n3"])

        var answers: Set<String> = []
        for _ in 0..<10 { answers.insert(try await caller.call("greeter.hello").stringValue ?? "") }
        #expect(answers == ["Hello from n1", "Hello from n2"])
        #expect(try await caller.call("math.add", ["a": 40, "b": 2]) == 42)

        let killedAt = ContinuousClock.now
        n2.stop(signal: SIGKILL)
        var failures = 0
        var detectedAfter: Duration?
        for _ in 0..<60 where ContinuousClock.now - killedAt < .seconds(8) {
            do { _ = try await caller.call("greeter.hello") } catch { failures += 1 }
            let online = try await caller.call("$node.list", ["onlyAvailable": true]).arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            if detectedAfter == nil, !online.contains("n2") { detectedAfter = ContinuousClock.now - killedAt }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(failures == 0)
        #expect(detectedAfter.map { $0 < .seconds(4) } == true, "detected after \(String(describing: detectedAfter))")

        n2 = try await NodeProcess(config: config, id: "n2", port: ports[1])
        try await caller.waitForNodes(["n2"], timeout: .seconds(20))
        var afterRestart: Set<String> = []
        for _ in 0..<10 { afterRestart.insert(try await caller.call("greeter.hello").stringValue ?? "") }
        #expect(afterRestart.contains("Hello from n2"))

        #expect(n1.stop() == 0)
        await caller.stop()
        #expect(n2.stop() == 0)
        #expect(n3.stop() == 0)
        let othersLog = n3.stderrText + n2.stderrText
        #expect(!othersLog.contains("error"), "\(othersLog)")
        try? FileManager.default.removeItem(atPath: directory)
    }
}
