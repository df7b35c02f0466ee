import ArgumentParser
import Broker
import Services

/// `quark bench local`: `math.add` called on the same node through the full call path
/// (context, endpoint selection, every built-in middleware, param validation), next to a
/// baseline measured in the same run: a bare async function doing the same addition on the
/// same JSON params.
struct LocalBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "local",
        abstract: "Local math.add calls through the full middleware chain, with a bare-call baseline.",
        discussion: "Example: quark bench local --inflight 64 --seconds 5 --json"
    )

    @OptionGroup var options: BenchOptions

    func run() async throws {
        var configuration = BrokerConfiguration(nodeID: "bench-local")
        configuration.lifecycle.discoveryWait = .zero
        configuration.logger.logLevel = .error
        let broker = ServiceBroker(configuration)
        try await broker.createService(MathService.schema())
        try await broker.start()
        let params: JSON = ["a": 1, "b": 2]
        let baseline = try await BenchLoop.run(inflight: options.inflight, seconds: options.seconds, calls: options.calls) {
            _ = try await bareAdd(params)
        }
        let result = try await BenchLoop.run(inflight: options.inflight, seconds: options.seconds, calls: options.calls) {
            _ = try await broker.call("math.add", params)
        }
        await broker.stop()
        var report = BenchReport(scenario: "local", inflight: options.inflight, result: result)
        report.baseline = ("bare_async_call", baseline.callsPerSecond)
        report.print(json: options.json)
    }
}

/// The baseline: what `math.add` does, as a plain async function.
@inline(never)
func bareAdd(_ params: JSON) async throws -> JSON {
    guard let a = params["a"]?.intValue, let b = params["b"]?.intValue else { throw BrokerError.validation(fields: []) }
    return .int(a + b)
}
