import Broker

/// The `greeter` demo service: `hello` (no params), `welcome` with a validated `name`, and
/// `stats`, the number of people welcomed. The greeting comes from the settings
/// (`greeting: "Welcome, {name}!"`); the count is kept in `greeter.json` in the node's data
/// directory, read when the service starts and written when it stops (in memory without one).
public enum GreeterService {
    struct WelcomeParams: ActionParams {
        let name: String
        static let rules = ["name": "min:1|max:100"]
    }

    public static func make(_ environment: ServiceEnvironment) throws -> ServiceSchema {
        let greeting = environment.settings["greeting"]?.stringValue ?? "Welcome, {name}!"
        guard greeting.contains("{name}") else {
            throw BrokerError(code: .serviceSchema, message: "settings.greeting must contain {name} (got \"\(greeting)\")")
        }
        let count = PersistentCounter(path: environment.path("greeter.json"))
        return ServiceSchema(
            name: "greeter", settings: ["greeting": .string(greeting)],
            actions: [
                ActionSchema("hello") { ctx in .string("Hello from \(ctx.broker.nodeID)") },
                ActionSchema("welcome", rest: "POST /greeter/welcome") {
                    (ctx: Context, input: WelcomeParams) -> String in
                    count.increment()
                    return greeting.replacing("{name}", with: input.name)
                },
                ActionSchema("stats", rest: "GET /greeter/stats") { _ in ["welcomed": .int(count.value)] },
            ],
            started: { _ in try count.load() },
            stopped: { _ in try count.save() })
    }
}
