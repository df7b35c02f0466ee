import ArgumentParser
import Broker
import Logging
import ServiceLifecycle
import Services

/// `quark demo`: one node with the demo services, a few calls printed, then it runs until
/// Ctrl-C. (The store cluster and the gateway arrive with their own issues.)
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start a demo node (greeter, math) and show a few calls.",
        discussion: "Example: quark demo --once"
    )

    @Flag(help: "Exit after the sample calls instead of running until Ctrl-C.")
    var once = false

    func run() async throws {
        var logger = Logger(label: "quark.demo")
        logger.logLevel = .warning
        var configuration = BrokerConfiguration(nodeID: "demo-1", transporter: InMemoryHub().transporter())
        configuration.logger = logger
        configuration.lifecycle.discoveryWait = .zero
        let broker = ServiceBroker(configuration)
        try await broker.createService(GreeterService.make(broker.environment(for: "greeter", dataDirectory: nil)))
        try await broker.createService(MathService.schema())
        let caller = DemoCalls(broker: broker, once: once)
        let group = ServiceGroup(configuration: .init(
            services: [
                .init(service: broker),
                .init(service: caller, successTerminationBehavior: .gracefullyShutdownGroup),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

/// Makes the sample calls once the services are up, then waits for shutdown (or returns).
private struct DemoCalls: ServiceLifecycle.Service {
    let broker: ServiceBroker
    let once: Bool

    func run() async throws {
        try await broker.waitForServices(["greeter", "math"], timeout: .seconds(10))
        let samples: [(String, JSON)] = [("greeter.hello", [:]), ("greeter.welcome", ["name": "Ada"]), ("math.add", ["a": 2, "b": 3]), ("math.div", ["a": 1, "b": 0])]
        for (action, params) in samples {
            do {
                print("\(action) \(params) → \(try await broker.call(action, params))")
            } catch {
                print("\(action) \(params) → \(error)")
            }
        }
        guard !once else { return }
        print("Node demo-1 is running with greeter and math. Press Ctrl-C to stop.")
        try? await gracefulShutdown()
    }
}
