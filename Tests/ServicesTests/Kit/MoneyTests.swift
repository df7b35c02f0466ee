import Broker
import Services
import Testing

@Suite("Money in integer minor units")
struct MoneyTests {
    @Test("arithmetic stays in minor units and in one currency")
    func arithmetic() throws {
        let price = try Money(1999, "EUR")
        #expect(try price.multiplied(by: 3) == Money(5997, "EUR"))
        #expect(try price.adding(Money(1, "EUR")) == Money(2000, "EUR"))
        #expect(try price.subtracting(Money(2000, "EUR")) == Money(-1, "EUR"))
        let mismatch = #expect(throws: BrokerError.self) { try price.adding(Money(1, "USD")) }
        #expect(mismatch?.type == "CURRENCY_MISMATCH")
        let overflow = #expect(throws: BrokerError.self) { try Money(Int.max, "EUR").adding(Money(1, "EUR")) }
        #expect(overflow?.type == "AMOUNT_OVERFLOW")
        #expect(try Money(-5, "EUR").description == "EUR -0.05")
        #expect(price.description == "EUR 19.99")
    }

    @Test("percentages round half away from zero")
    func percentage() throws {
        #expect(try Money(1999, "EUR").percentage(basisPoints: 1000) == Money(200, "EUR"))  // 199.9 → 200
        #expect(try Money(1005, "EUR").percentage(basisPoints: 5000) == Money(503, "EUR"))  // 502.5 → 503
        #expect(try Money(-1005, "EUR").percentage(basisPoints: 5000) == Money(-503, "EUR"))
        #expect(try Money(1004, "EUR").percentage(basisPoints: 5000) == Money(502, "EUR"))
    }

    @Test("allocation splits exactly, the remainder to the largest weights")
    func allocation() throws {
        let parts = try Money(1000, "EUR").allocated(over: [1, 1, 1])
        #expect(parts.map(\.amount) == [334, 333, 333])
        #expect(try Money(100, "EUR").allocated(over: [1, 3]).map(\.amount) == [25, 75])
        #expect(try Money(-10, "EUR").allocated(over: [1, 2]).map(\.amount) == [-3, -7])
        #expect(throws: BrokerError.self) { try Money(10, "EUR").allocated(over: [0, 0]) }
    }

    @Test("decoding checks the currency; the JSON form is {amount, currency}")
    func coding() throws {
        #expect(try JSONValueDecoder().decode(Money.self, from: ["amount": 250, "currency": "GBP"]) == Money(250, "GBP"))
        #expect(throws: (any Error).self) { try JSONValueDecoder().decode(Money.self, from: ["amount": 250, "currency": "gbp"]) }
        #expect(throws: (any Error).self) { try JSONValueDecoder().decode(Money.self, from: ["amount": 2.5, "currency": "GBP"]) }
        #expect(try Money(250, "GBP").json == ["amount": 250, "currency": "GBP"])
        #expect(try JSONValueEncoder().encode(Money(250, "GBP")) == ["amount": 250, "currency": "GBP"])
    }
}
