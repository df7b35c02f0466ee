import Broker
import Foundation
import Services
import Testing

@Suite("The greeter's settings and state")
struct GreeterStateTests {
    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("greeter-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func environment(_ directory: String?, greeting: String? = nil) -> ServiceEnvironment {
        var environment = ServiceEnvironment.inMemory(settings: greeting.map { ["greeting": .string($0)] } ?? [:])
        environment.dataDirectory = directory
        return environment
    }

    @Test("the greeting comes from the settings; one without {name} is refused when the service is made")
    func greetingSetting() async throws {
        try await withServices([GreeterService.make(Self.environment(nil, greeting: "Hi, {name}!"))]) { client async throws in
            #expect(try await client.call("greeter.welcome", ["name": "Ada"]) == "Hi, Ada!")
        }
        let error = #expect(throws: BrokerError.self) { try GreeterService.make(Self.environment(nil, greeting: "Hello!")) }
        #expect(error?.message == "settings.greeting must contain {name} (got \"Hello!\")")
    }

    @Test("the count is written by stopped and read back by started from the data directory")
    func countSurvivesRestart() async throws {
        let directory = try Self.temporaryDirectory()
        try await withServices([GreeterService.make(Self.environment(directory))]) { client async throws in
            _ = try await client.call("greeter.welcome", ["name": "Ada"])
            _ = try await client.call("greeter.welcome", ["name": "Alan"])
            #expect(try await client.call("greeter.stats") == ["welcomed": 2])
        }
        let saved = try String(contentsOfFile: "\(directory)/greeter.json", encoding: .utf8)
        #expect(try JSONParser.parse(saved) == ["count": 2])
        try await withServices([GreeterService.make(Self.environment(directory))]) { client async throws in
            #expect(try await client.call("greeter.stats") == ["welcomed": 2])
        }
    }

    @Test("a malformed state file makes started fail, naming the file")
    func malformedState() async throws {
        let directory = try Self.temporaryDirectory()
        try "[1, 2".write(toFile: "\(directory)/greeter.json", atomically: true, encoding: .utf8)
        let broker = ServiceBroker(BrokerConfiguration(nodeID: "solo"))
        try await broker.createService(GreeterService.make(Self.environment(directory)))
        let error = await #expect(throws: BrokerError.self) { try await broker.start() }
        #expect(error?.message.hasPrefix("The service 'greeter' failed to start: \(directory)/greeter.json is not valid JSON") == true)
    }
}

@Suite("The service catalog")
struct ServiceCatalogTests {
    @Test("makes each named service from its own environment")
    func makesFromEnvironment() throws {
        let schemas = try ServiceCatalog.schemas(["math", "greeter"]) { name in
            .inMemory(settings: name == "greeter" ? ["greeting": "Yo {name}"] : [:])
        }
        #expect(schemas.map(\.name) == ["math", "greeter"])
        #expect(schemas[1].settings == ["greeting": "Yo {name}"])
    }

    @Test("an unknown name or a failing factory is an error naming the service")
    func errors() {
        let unknown = #expect(throws: BrokerError.self) { try ServiceCatalog.schemas(["nope"]) { _ in .inMemory() } }
        #expect(unknown?.message == "unknown service 'nope' (known: benchsink, carts, categories, customers, email, greeter, inventory, math, notifications, orders, payments, products, shipping, users)")
        let refused = #expect(throws: BrokerError.self) {
            try ServiceCatalog.schemas(["greeter"]) { _ in .inMemory(settings: ["greeting": "Hello"]) }
        }
        #expect(refused?.message == "the service 'greeter' cannot be made: settings.greeting must contain {name} (got \"Hello\")")
    }
}
