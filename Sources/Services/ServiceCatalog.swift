import Broker

/// Every service a node can be told to run, by name (`quark node --services greeter,math`).
public enum ServiceCatalog {
    public static let factories: [String: ServiceFactory] = [
        "greeter": GreeterService.make,
        "math": { _ in MathService.schema() },
        "benchsink": { _ in BenchSinkService.schema() },
        "users": UsersService.make,
        "categories": CategoriesService.make,
        "products": ProductsService.make,
        "customers": CustomersService.make,
        "email": EmailService.make,
        "inventory": InventoryService.make,
        "carts": CartsService.make,
        "shipping": ShippingService.make,
        "notifications": NotificationsService.make,
        "payments": { PaymentsService.make($0) },
        "orders": OrdersService.make,
    ]

    /// The known names, sorted, for help and error messages.
    public static var names: [String] { factories.keys.sorted() }

    /// Makes the services `names`, each from the environment `environment(name)` gives; throws
    /// naming the first unknown service or the service whose factory failed.
    public static func schemas(
        _ names: [String], environment: (String) -> ServiceEnvironment
    ) throws(BrokerError) -> [ServiceSchema] {
        var schemas: [ServiceSchema] = []
        for name in names {
            guard let make = factories[name] else {
                throw BrokerError(
                    code: .serviceSchema,
                    message: "unknown service '\(name)' (known: \(Self.names.joined(separator: ", ")))")
            }
            do {
                schemas.append(try make(environment(name)))
            } catch {
                let reason = (error as? BrokerError)?.message ?? "\(error)"
                throw BrokerError(code: .serviceSchema, message: "the service '\(name)' cannot be made: \(reason)", cause: "\(error)")
            }
        }
        return schemas
    }
}
