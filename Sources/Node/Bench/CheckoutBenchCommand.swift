import ArgumentParser
import Broker
import Foundation
import Services

/// `quark bench checkout`: completed checkouts per second with N concurrent buyers through the
/// store of nodes.yml, its nodes as separate processes over the ZeroMQ mesh; the baseline, in
/// the same run, is the same services on a copy of the same data in this one process, one
/// broker per node on an in-memory hub.
struct CheckoutBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkout",
        abstract: "Checkouts per second through the store: node processes over ZeroMQ against one process.",
        discussion: """
            Seeds the tier into a temporary directory (kept for neither run), copies it, measures
            the services of nodes.yml in this process on an in-memory hub (the baseline), then as
            `quark up` node processes over the mesh. A checkout is carts.addItem then
            orders.checkout (reserve, authorize, capture, commit, events), answered PAID.
            Progress goes to stderr. Example:
              quark bench checkout --tier M --buyers 50 --seconds 10 --json
            """
    )

    @Option(help: "The demo data: S, M or L.")
    var tier = "M"
    @Option(help: "Concurrent buyers, each checking out again as soon as its last checkout is done.")
    var buyers = 50
    @Option(help: "How long to measure each side, in seconds (after a warm-up of a tenth of it).")
    var seconds: Double = 10
    @Option(help: "The nodes.yml whose layout to run.")
    var config = "nodes.yml"
    @Flag(help: "Print one JSON object instead of sentences.")
    var json = false

    func validate() throws {
        guard SeedTier(named: tier) != nil else { throw ValidationError("--tier must be S, M or L") }
        guard buyers >= 1, buyers <= 2000 else { throw ValidationError("--buyers must be 1...2000") }
        guard seconds > 0 else { throw ValidationError("--seconds must be positive") }
    }

    func run() async throws {
        let store = try BenchStore(config: config)
        let tier = SeedTier(named: tier) ?? .medium
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("quark-bench-checkout-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/cluster", withIntermediateDirectories: true)
        say("seeding tier \(tier.name)")
        _ = try await StoreSeeding.seed(store.file, root: root + "/cluster", tier: tier, adminPassword: StoreSeeding.newPassword()) { say("seed \($0)") }
        try FileManager.default.copyItem(atPath: root + "/cluster", toPath: root + "/baseline")

        say("baseline: the services in this process, \(buyers) buyers for \(seconds)s")
        let brokers = try await store.startInProcess(root: root + "/baseline")
        let baseline = try await measure(client: brokers[brokers.count - 1], nodes: store.file.nodes.map(\.id))
        for broker in brokers.reversed() { await broker.stop() }

        say("cluster: \(store.file.nodes.count) node processes over ZeroMQ, \(buyers) buyers for \(seconds)s")
        let (up, client) = try await store.startProcesses(root: root + "/cluster")
        defer { up.stop() }
        let cluster = try await measure(client: client, nodes: store.file.nodes.map(\.id))
        await client.stop()
        print(report(cluster: cluster, baseline: baseline, tier: tier))
    }

    private func measure(client: ServiceBroker, nodes: [String]) async throws -> (result: BenchLoop.Result, profile: CheckoutProfile) {
        let load = try await CheckoutLoad(client: client, buyers: buyers)
        let result = try await load.run(seconds: seconds)
        return (result, try await CheckoutProfile(client: client, nodes: nodes + [client.nodeID]))
    }

    private func report(
        cluster: (result: BenchLoop.Result, profile: CheckoutProfile), baseline: (result: BenchLoop.Result, profile: CheckoutProfile), tier: SeedTier
    ) -> String {
        let rate = cluster.result.callsPerSecond
        let baseRate = baseline.result.callsPerSecond
        let ratio = baseRate > 0 ? (rate / baseRate * 10_000).rounded() / 10_000 : 0
        let histogram = cluster.result.histogram
        let baseHistogram = baseline.result.histogram
        guard json else {
            return """
                cluster: \(Int(rate.rounded())) checkouts/s, p50 \(histogram.percentile(0.5)) µs, p99 \(histogram.percentile(0.99)) µs (\(cluster.result.calls) checkouts)
                baseline (one process): \(Int(baseRate.rounded())) checkouts/s, p50 \(baseHistogram.percentile(0.5)) µs, p99 \(baseHistogram.percentile(0.99)) µs
                ratio to baseline: \(ratio)
                where the cluster's time goes:
                \(cluster.profile.table)
                where the baseline's time goes:
                \(baseline.profile.table)
                """
        }
        let fields: JSON = [
            "scenario": "checkout", "tier": .string(tier.name), "buyers": .int(buyers), "seconds": .double(seconds),
            "checkouts_per_sec": .double(rate.roundedToTenths), "p50_us": .double(histogram.percentile(0.5).roundedToTenths),
            "p99_us": .double(histogram.percentile(0.99).roundedToTenths), "checkouts": .int(cluster.result.calls),
            "baseline": "one_process_hub", "baseline_checkouts_per_sec": .double(baseRate.roundedToTenths),
            "baseline_p50_us": .double(baseHistogram.percentile(0.5).roundedToTenths),
            "baseline_p99_us": .double(baseHistogram.percentile(0.99).roundedToTenths),
            "ratio_to_baseline": .double(ratio),
            "profile": ["cluster": cluster.profile.json, "baseline": baseline.profile.json],
        ]
        return fields.description
    }

    private func say(_ line: String) {
        FileHandle.standardError.write(Data("bench checkout: \(line)\n".utf8))
    }
}
