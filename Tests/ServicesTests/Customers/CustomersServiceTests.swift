import Broker
import BrokerTesting
import Services
import Testing

@Suite("The customers service", .timeLimit(.minutes(2)))
struct CustomersServiceTests {
    static let staff = CallOptions(meta: ["user": StoreUser(id: 99, email: "staff@example.com", roles: [.staff]).json])

    @Test("users registered and renamed appear to staff, searchable; customers cannot look")
    func followsUsers() async throws {
        let users = try UsersService.make(.inMemory(settings: ["bcryptCost": 4]))
        try await withServices([users, try CustomersService.make(.inMemory())]) { client async throws in
            let ada = try await client.call("users.register", ["email": "ada@example.com", "password": "correct horse", "name": "Ada"])
            _ = try await client.call("users.register", ["email": "bob@example.com", "password": "correct horse", "name": "Bob"])
            #expect(try await eventually { try await client.call("customers.list", [:], options: Self.staff)["total"] == 2 })
            let asAda = CallOptions(meta: ["user": ["id": ada["id"] ?? .null, "email": "ada@example.com", "roles": ["customer"]]])
            _ = try await client.call("users.updateMe", ["name": "Ada Lovelace"], options: asAda)
            #expect(try await eventually {
                try await client.call("customers.get", ["id": ada["id"] ?? .null], options: Self.staff)["name"] == "Ada Lovelace"
            })
            let found = try await client.call("customers.list", ["q": "lovelace"], options: Self.staff)
            #expect(found["rows"]?.arrayValue?.compactMap { $0["email"]?.stringValue } == ["ada@example.com"])
            #expect(try await client.call("customers.get", ["id": ada["id"] ?? .null], options: Self.staff)["orders"] == .null)
            let refused = await #expect(throws: BrokerError.self) { try await client.call("customers.list", [:], options: asAda) }
            #expect(refused?.status == 403)
            let missing = await #expect(throws: BrokerError.self) { try await client.call("customers.get", ["id": 12345], options: Self.staff) }
            #expect(missing?.status == 404)
        }
    }

    @Test("customers registered while the customers service was down are there once it is back")
    func catchesUp() async throws {
        let cluster = try await TestCluster([
            "identity": [try UsersService.make(.inMemory(settings: ["bcryptCost": 4]))], "client": [],
        ])
        try await cluster.start()
        for name in ["ada", "bob", "cy"] {
            _ = try await cluster["client"].call("users.register", ["email": .string("\(name)@example.com"), "password": "correct horse", "name": .string(name)])
        }
        var configuration = TestCluster.configuration(nodeID: "back-office", hub: cluster.hub, clock: cluster.clock)
        configuration.lifecycle.discoveryWait = .zero
        let late = ServiceBroker(configuration)
        try await late.createService(try CustomersService.make(.inMemory()))
        try await late.start()
        try await cluster["client"].waitForServices(["customers"])
        #expect(try await eventually { try await cluster["client"].call("customers.list", [:], options: Self.staff)["total"] == 3 })
        await late.stop()
        await cluster.stop()
    }
}
