import ArgumentParser
import Broker
import Services

/// `quark bench hub`: `math.add` called on a second broker in the same process over an
/// in-memory hub, so every call pays the whole transit path (REQ/RES serialization, pending
/// table, dispatch) but no network. Baseline in the same run: the same call made locally.
struct HubBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub",
        abstract: "Remote math.add calls between two brokers on an in-memory hub (transit cost without network).",
        discussion: "Example: quark bench hub --inflight 100 --json"
    )

    @OptionGroup var options: BenchOptions

    func run() async throws {
        let hub = InMemoryHub()
        let caller = ServiceBroker(Self.configuration("bench-caller", hub: hub))
        let callee = ServiceBroker(Self.configuration("bench-callee", hub: hub))
        try await callee.createService(MathService.schema())
        try await caller.createService(MathService.schema())
        try await callee.start()
        try await caller.start()
        try await caller.waitForNodes(["bench-callee"], timeout: .seconds(5))
        let params: JSON = ["a": 1, "b": 2]
        let local = try await BenchLoop.run(inflight: options.inflight, seconds: options.seconds, calls: options.calls) {
            _ = try await caller.call("math.add", params)
        }
        let remote = CallOptions(nodeID: "bench-callee")
        let result = try await BenchLoop.run(inflight: options.inflight, seconds: options.seconds, calls: options.calls) {
            _ = try await caller.call("math.add", params, options: remote)
        }
        await caller.stop()
        await callee.stop()
        var report = BenchReport(scenario: "hub", inflight: options.inflight, result: result)
        report.baseline = ("local_call", local.callsPerSecond)
        report.print(json: options.json)
    }

    private static func configuration(_ nodeID: String, hub: InMemoryHub) -> BrokerConfiguration {
        var configuration = BrokerConfiguration(nodeID: nodeID, transporter: hub.transporter())
        configuration.lifecycle.discoveryWait = .zero
        configuration.lifecycle.stopDelay = .zero
        configuration.logger.logLevel = .error
        return configuration
    }
}
