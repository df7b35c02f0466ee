import Broker
import Foundation
import Testing

@Suite("quark bench checkout", .timeLimit(.minutes(5)))
struct CheckoutBenchCommandTests {
    /// The repository's nodes.yml: the layout the benchmark runs.
    static let nodesFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("nodes.yml").path

    @Test("checkouts through the node processes of nodes.yml, next to the same services in one process, with where the time goes")
    func json() async throws {
        let outcome = try await QuarkProcess.run(
            ["bench", "checkout", "--tier", "S", "--buyers", "4", "--seconds", "1", "--config", Self.nodesFile, "--json"], timeout: .seconds(240))
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains("bench checkout: cluster: 6 node processes over ZeroMQ"))
        let report = try JSONParser.parse(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(report["scenario"] == "checkout")
        #expect(report["tier"] == "S")
        #expect(report["buyers"] == 4)
        let checkouts = try #require(report["checkouts"]?.intValue)
        #expect(checkouts > 0)
        #expect((report["checkouts_per_sec"]?.doubleValue ?? 0) > 0)
        #expect((report["baseline_checkouts_per_sec"]?.doubleValue ?? 0) > 0)
        #expect((report["ratio_to_baseline"]?.doubleValue ?? 0) > 0)
        let p50 = try #require(report["p50_us"]?.doubleValue)
        #expect(p50 > 0 && p50 <= report["p99_us"]?.doubleValue ?? 0)
        // The profile counts every checkout of the measurement and its warm-up in orders' handler.
        let profile = report["profile"]?["cluster"]?.arrayValue ?? []
        let checkout = try #require(profile.first { $0["action"] == "orders.checkout" })
        #expect((checkout["calls"]?.intValue ?? 0) >= checkouts)
        #expect(checkout["caller_mean_us"] != nil)
        #expect(profile.contains { $0["action"] == "inventory.reserve" })
    }

    @Test("a nodes.yml without the store is refused with a clear error")
    func noStore() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quark-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("nodes.yml").path
        try "nodes:\n  - {id: one, port: 4100, services: [math]}\n".write(toFile: config, atomically: true, encoding: .utf8)
        let outcome = try await QuarkProcess.run(["bench", "checkout", "--config", config])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("does not run users, products, inventory, carts, orders, payments, shipping"), "\(outcome.stderr)")
    }
}
