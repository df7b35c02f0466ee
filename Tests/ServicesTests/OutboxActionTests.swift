import Broker
import BrokerTesting
import Services
import Testing

@Suite("The outbox action", .timeLimit(.minutes(1)))
struct OutboxActionTests {
    @Test("answers the rows after a position, in order, filtered by event name and limited")
    func rows() async throws {
        try await withServices([KitTestServices.ordersSchema(KitTestServices.orders())]) { client async throws in
            for total in 1...3 { _ = try await client.call("orders.create", ["total": .int(total)]) }
            _ = try await client.call("orders.probe")
            let rows = try #require(try await client.call("orders.outbox", ["after": 1, "limit": 10]).arrayValue)
            #expect(rows.map { $0["seq"] } == [2, 3, 4])
            #expect(rows.map { $0["event"] } == ["order.created", "order.created", "probe.sent"])
            #expect(rows[0]["payload"]?["total"] == 2)
            #expect(rows[0]["payload"]?["source"] == "orders")
            let filtered = try await client.call("orders.outbox", ["after": 0, "events": ["probe.sent"]])
            #expect(filtered.arrayValue?.map { $0["seq"] } == [4])
            let limited = try await client.call("orders.outbox", ["after": 0, "limit": 2])
            #expect(limited.arrayValue?.map { $0["seq"] } == [1, 2])
            #expect(client.registryView().action("orders.outbox")?.definition.visibility == .public)
        }
    }

    @Test("refuses bad params with a 422 ValidationError naming the field", arguments: [
        ([:], "after"), (["after": -1], "after"), (["after": "x"], "after"), (["after": 0, "limit": 0], "limit"),
        (["after": 0, "limit": 501], "limit"), (["after": 0, "events": "order.created"], "events"),
        (["after": 0, "events": [1]], "events[0]"),
    ] as [(JSON, String)])
    func validation(_ params: JSON, _ field: String) async throws {
        try await withServices([KitTestServices.ordersSchema(KitTestServices.orders())]) { client async throws in
            let error = await #expect(throws: BrokerError.self) { try await client.call("orders.outbox", params) }
            #expect(error?.status == 422)
            #expect(error?.data?[0]?["field"] == .string(field))
        }
    }
}
