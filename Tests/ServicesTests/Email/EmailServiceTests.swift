import Broker
import BrokerTesting
import Services
import Testing

@Suite("The email service")
struct EmailServiceTests {
    static let staff = CallOptions(meta: ["user": StoreUser(id: 1, email: "staff@example.com", roles: [.staff]).json])

    @Test("send renders a template and keeps the message; a key sends once; staff read the outbox")
    func send() async throws {
        try await withServices([try EmailService.make(.inMemory())]) { client async throws in
            let sent = try await client.call(
                "email.send", ["to": "Ada@Example.com", "template": "order-placed", "data": ["name": "Ada", "number": "QS-000001", "total": "EUR 19.99"], "key": "order-1"])
            #expect(sent["subject"] == "Order QS-000001 received")
            #expect(sent["body"]?.stringValue?.contains("your order QS-000001 of EUR 19.99") == true)
            let again = try await client.call(
                "email.send", ["to": "ada@example.com", "template": "order-placed", "data": ["name": "Ada", "number": "QS-000001", "total": "EUR 19.99"], "key": "order-1"])
            #expect(again["id"] == sent["id"])
            let outbox = try await client.call("email.outbox", ["to": "ada@example.com"], options: Self.staff)
            #expect(outbox["total"] == 1)
            #expect(outbox["rows"]?[0]?["to"] == "ada@example.com")
            let missing = await #expect(throws: BrokerError.self) {
                try await client.call("email.send", ["to": "ada@example.com", "template": "order-placed", "data": ["name": "Ada"]])
            }
            #expect(missing?.data?[0]?["field"] == "data.number")
            let unknown = await #expect(throws: BrokerError.self) {
                try await client.call("email.send", ["to": "ada@example.com", "template": "nope"])
            }
            #expect(unknown?.status == 422)
            let guest = await #expect(throws: BrokerError.self) { try await client.call("email.outbox") }
            #expect(guest?.status == 401)
        }
    }

    @Test("subscribing sends the unsubscribe token; the token unsubscribes once")
    func newsletter() async throws {
        try await withServices([try EmailService.make(.inMemory())]) { client async throws in
            #expect(try await client.call("email.subscribe", ["email": "bob@example.com"]) == ["email": "bob@example.com", "subscribed": true])
            _ = try await client.call("email.subscribe", ["email": "BOB@example.com"])
            let outbox = try await client.call("email.outbox", ["to": "bob@example.com"], options: Self.staff)
            #expect(outbox["total"] == 1)
            let body = try #require(outbox["rows"]?[0]?["body"]?.stringValue)
            let token = try #require(body.split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(try await client.call("email.unsubscribe", ["token": .string(token)]) == ["ok": true])
            let twice = await #expect(throws: BrokerError.self) { try await client.call("email.unsubscribe", ["token": .string(token)]) }
            #expect(twice?.status == 404)
        }
    }
}
