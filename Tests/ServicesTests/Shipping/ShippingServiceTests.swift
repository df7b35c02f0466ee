import Broker
import BrokerTesting
import Services
import Testing

@Suite("The shipping service")
struct ShippingServiceTests {
    static let staff = CallOptions(meta: ["user": StoreUser(id: 1, email: "staff@example.com", roles: [.staff]).json])

    @Test("rates by zone; standard is free at home above the threshold; bad settings are refused")
    func rates() throws {
        let rates = try ShippingRates(settings: ["origin": "DE", "currency": "EUR", "freeShippingFrom": 5000])
        #expect(try rates.options(to: "DE", subtotal: 4999).map(\.price.amount) == [490, 990])
        #expect(try rates.options(to: "DE", subtotal: 5000).map(\.price.amount) == [0, 990])
        #expect(try rates.options(to: "FR", subtotal: 9000).map(\.price.amount) == [990, 1990])
        #expect(try rates.options(to: "US", subtotal: 9000).map(\.days) == [10, 3])
        #expect(throws: BrokerError.self) { try ShippingRates(settings: ["origin": "Germany"]) }
        #expect(throws: BrokerError.self) { try ShippingRates(settings: ["currency": "euro"]) }
    }

    @Test("a shipment per order, advanced step by step by staff, tracked by anyone, sent as events")
    func shipments() async throws {
        let seen = Recorder<String>()
        let listener = ServiceSchema(name: "notifications", events: ["shipment.created", "shipment.updated"].map { name in
            EventSchema(name) { ctx in seen.record("\(name):\(ctx.params["status"]?.stringValue ?? "?")") }
        })
        try await withServices([try ShippingService.make(.inMemory()), listener]) { client async throws in
            let quote = try await client.call("shipping.quote", ["address": ["country": "fr"]])
            #expect(quote[0]?["code"] == "standard")
            let order: JSON = ["orderID": 12, "orderNumber": "QS-000012", "option": "standard", "address": ["city": "Paris", "country": "FR"]]
            let shipment = try await client.call("shipping.createShipment", order)
            let tracking = try #require(shipment["trackingNumber"])
            #expect(shipment["status"] == "LABEL_CREATED")
            #expect(try await client.call("shipping.createShipment", order)["trackingNumber"] == tracking)
            let customer = CallOptions(meta: ["user": StoreUser(id: 7, email: "ada@example.com", roles: [.customer]).json])
            let refused = await #expect(throws: BrokerError.self) { try await client.call("shipping.advance", ["trackingNumber": tracking], options: customer) }
            #expect(refused?.status == 403)
            _ = try await client.call("shipping.advance", ["trackingNumber": tracking], options: Self.staff)
            let skipped = await #expect(throws: BrokerError.self) {
                try await client.call("shipping.advance", ["trackingNumber": tracking, "status": "LABEL_CREATED"], options: Self.staff)
            }
            #expect(skipped?.type == "INVALID_STATE")
            let delivered = try await client.call("shipping.advance", ["trackingNumber": tracking, "status": "DELIVERED"], options: Self.staff)
            #expect(delivered["history"]?.arrayValue?.compactMap { $0["status"]?.stringValue } == ["LABEL_CREATED", "IN_TRANSIT", "DELIVERED"])
            let done = await #expect(throws: BrokerError.self) { try await client.call("shipping.advance", ["trackingNumber": tracking], options: Self.staff) }
            #expect(done?.status == 409)
            #expect(try await client.call("shipping.track", ["trackingNumber": tracking])["status"] == "DELIVERED")
            #expect(await seen.next(3) == ["shipment.created:LABEL_CREATED", "shipment.updated:IN_TRANSIT", "shipment.updated:DELIVERED"])
            let unknown = await #expect(throws: BrokerError.self) { try await client.call("shipping.track", ["trackingNumber": "QS0"]) }
            #expect(unknown?.status == 404)
        }
    }
}
