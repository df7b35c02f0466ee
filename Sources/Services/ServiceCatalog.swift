import Broker

/// Every service a node can be told to run, by name (`quark node --services greeter,math`).
public enum ServiceCatalog {
    public static let services: [String: @Sendable () -> ServiceSchema] = [
        "greeter": GreeterService.schema,
        "math": MathService.schema,
        "benchsink": BenchSinkService.schema,
    ]

    /// The known names, sorted, for help and error messages.
    public static var names: [String] { services.keys.sorted() }

    /// The schemas of `names`; throws naming the first unknown one.
    public static func schemas(_ names: [String]) throws -> [ServiceSchema] {
        try names.map { name in
            guard let make = services[name] else {
                throw BrokerError(
                    code: .serviceSchema,
                    message: "unknown service '\(name)' (known: \(Self.names.joined(separator: ", ")))")
            }
            return make()
        }
    }
}
