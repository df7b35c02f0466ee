import Broker

/// The `greeter` demo service: `hello` (no params) and `welcome` with a validated `name`.
public enum GreeterService {
    struct WelcomeParams: Decodable, Sendable {
        let name: String
    }

    public static func schema() -> ServiceSchema {
        ServiceSchema(name: "greeter", actions: [
            ActionSchema("hello") { ctx in .string("Hello from \(ctx.broker.nodeID)") },
            ActionSchema("welcome", params: ["name": "string|min:1|max:100"]) { (ctx: Context, input: WelcomeParams) -> String in
                "Welcome, \(input.name)!"
            },
        ])
    }
}
