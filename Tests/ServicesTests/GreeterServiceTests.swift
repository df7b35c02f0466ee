import Broker
import Services
import Testing

@Suite("The greeter demo service")
struct GreeterServiceTests {
    @Test("hello names the node that answered")
    func hello() async throws {
        try await withServices([GreeterService.make(.inMemory())]) { client async throws in
            #expect(try await client.call("greeter.hello") == "Hello from node")
        }
    }

    @Test("welcome greets a name of 1 to 100 characters")
    func welcome() async throws {
        try await withServices([GreeterService.make(.inMemory())]) { client async throws in
            #expect(try await client.call("greeter.welcome", ["name": "Ada"]) == "Welcome, Ada!")
            let longest = String(repeating: "a", count: 100)
            #expect(try await client.call("greeter.welcome", ["name": .string(longest)]) == .string("Welcome, \(longest)!"))
        }
    }

    @Test("welcome refuses a missing, empty, too long or non-string name with a 422 ValidationError", arguments: [
        ([:], "required"), (["name": ""], "stringMin"), (["name": .string(String(repeating: "a", count: 101))], "stringMax"),
        (["name": 7], "string"),
    ] as [(JSON, String)])
    func welcomeValidation(_ params: JSON, _ rule: String) async throws {
        try await withServices([GreeterService.make(.inMemory())]) { client async throws in
            let error = await #expect(throws: BrokerError.self) { try await client.call("greeter.welcome", params) }
            #expect(error?.status == 422)
            #expect(error?.data?[0]?["field"] == "name")
            #expect(error?.data?[0]?["type"] == .string(rule))
        }
    }
}
