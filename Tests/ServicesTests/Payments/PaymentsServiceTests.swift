import Broker
import BrokerTesting
import Foundation
import Services
import Testing

@Suite("The payments service", .timeLimit(.minutes(2)))
struct PaymentsServiceTests {
    /// The service with its clock at 15 June 2026, so cards expire predictably.
    static func payments() -> ServiceSchema {
        PaymentsService.make(.inMemory(), now: { Date(timeIntervalSince1970: 1_781_524_800) })
    }

    static func authorization(_ key: String, card: String = "4242424242424242", orderID: Int = 7, amount: Int = 1999) -> JSON {
        [
            "key": .string(key), "orderID": .int(orderID), "amount": ["amount": .int(amount), "currency": "EUR"],
            "card": ["cardNumber": .string(card), "expMonth": 12, "expYear": 2030, "cvc": "123"],
        ]
    }

    static func asUser(_ roles: [String]) -> CallOptions {
        CallOptions(meta: ["user": ["id": 1, "email": "someone@example.com", "roles": .array(roles.map(JSON.string))]])
    }

    static let staff = asUser(["staff"])

    @Test("each test number's outcome and status code; an invalid number is 422 naming payment.cardNumber")
    func outcomes() async throws {
        try await withServices([Self.payments()]) { client async throws in
            let approved = try await client.call("payments.authorize", Self.authorization("a"))
            #expect(approved["status"] == "AUTHORIZED")
            #expect(approved["amount"] == ["amount": 1999, "currency": "EUR"])
            #expect(approved["last4"] == "4242")
            let other = try await client.call("payments.authorize", Self.authorization("b", card: "5555 5555 5555 4444"))
            #expect(other["status"] == "AUTHORIZED")
            for (card, type) in [("4000000000000002", "PAYMENT_DECLINED"), ("4000000000009995", "INSUFFICIENT_FUNDS")] {
                let declined = await #expect(throws: BrokerError.self) { try await client.call("payments.authorize", Self.authorization(type, card: card)) }
                #expect(declined?.status == 402)
                #expect(declined?.type == type)
                #expect(try await client.call("payments.get", ["key": .string(type)])["status"] == "DECLINED")
            }
            let failed = await #expect(throws: BrokerError.self) {
                try await client.call("payments.authorize", Self.authorization("c", card: "4000000000000119"))
            }
            #expect(failed?.status == 503)
            #expect(failed?.type == "PROCESSING_ERROR")
            #expect(failed?.retryable == true)
            let nothing = await #expect(throws: BrokerError.self) { try await client.call("payments.get", ["key": "c"]) }
            #expect(nothing?.status == 404)
            let invalid = await #expect(throws: BrokerError.self) {
                try await client.call("payments.authorize", Self.authorization("d", card: "4242424242424241"))
            }
            #expect(invalid?.status == 422)
            #expect(invalid?.data?[0]?["field"] == "payment.cardNumber")
        }
    }

    @Test("only the last 4 digits are answered or put in the outbox, whatever the outcome")
    func onlyLast4() async throws {
        try await withServices([Self.payments()]) { client async throws in
            var written: [JSON] = []
            let cards = ["4242424242424242", "4000000000000002", "4000000000009995", "4000000000000119"]
            for (index, card) in cards.enumerated() {
                do {
                    written.append(try await client.call("payments.authorize", Self.authorization("k\(index)", card: card)))
                } catch let error as BrokerError {
                    written.append(error.wire)
                }
            }
            written.append(try await client.call("payments.capture", ["key": "k0"]))
            written.append(try await client.call("payments.get", ["key": "k1"]))
            let outbox = try await client.call("payments.outbox", ["after": 0])
            #expect(outbox.arrayValue?.count == 3)
            written.append(outbox)
            let text = written.map { String(decoding: JSONWriter.bytes($0), as: UTF8.self) }.joined()
            for card in cards {
                #expect(!text.contains(card.prefix(12)), "\(card)")
                #expect(text.contains(card.suffix(4)) || card.hasSuffix("0119"), "\(card)")
            }
        }
    }

    @Test("the same key and body answer the original payment or error again; another body is 409 IDEMPOTENCY_KEY_REUSED")
    func idempotency() async throws {
        try await withServices([Self.payments()]) { client async throws in
            let first = try await client.call("payments.authorize", Self.authorization("order-7"))
            #expect(try await client.call("payments.authorize", Self.authorization("order-7")) == first)
            // One record: the next key gets the next id.
            #expect(try await client.call("payments.authorize", Self.authorization("order-8", orderID: 8))["id"] == 2)
            for other in [Self.authorization("order-7", amount: 2000), Self.authorization("order-7", orderID: 9),
                          Self.authorization("order-7", card: "5555555555554444")] {
                let reused = await #expect(throws: BrokerError.self) { try await client.call("payments.authorize", other) }
                #expect(reused?.status == 409)
                #expect(reused?.type == "IDEMPOTENCY_KEY_REUSED")
            }
            for _ in 0..<2 {
                let declined = await #expect(throws: BrokerError.self) {
                    try await client.call("payments.authorize", Self.authorization("order-9", card: "4000000000000002", orderID: 9))
                }
                #expect(declined?.type == "PAYMENT_DECLINED")
            }
            let failures = try await client.call("payments.outbox", ["after": 0, "events": ["payment.failed"]])
            #expect(failures.arrayValue?.count == 1)
        }
    }

    @Test("capture, void and refund follow the state machine; other changes are 409 INVALID_STATE")
    func stateMachine() async throws {
        try await withServices([Self.payments()]) { client async throws in
            _ = try await client.call("payments.authorize", Self.authorization("p"))
            #expect(try await client.call("payments.capture", ["key": "p"])["status"] == "CAPTURED")
            #expect(try await client.call("payments.capture", ["key": "p"])["status"] == "CAPTURED")
            try await Self.expectConflict(client, "payments.void", ["key": "p"], type: "INVALID_STATE")

            let guest = await #expect(throws: BrokerError.self) { try await client.call("payments.refund", ["key": "p"]) }
            #expect(guest?.status == 401)
            let customer = await #expect(throws: BrokerError.self) {
                try await client.call("payments.refund", ["key": "p"], options: Self.asUser(["customer"]))
            }
            #expect(customer?.status == 403)
            let partial = try await client.call("payments.refund", ["key": "p", "amount": ["amount": 500, "currency": "EUR"]], options: Self.staff)
            #expect(partial["status"] == "REFUNDED")
            #expect(partial["refundedAmount"] == ["amount": 500, "currency": "EUR"])
            try await Self.expectConflict(
                client, "payments.refund", ["key": "p", "amount": ["amount": 1500, "currency": "EUR"]], type: "REFUND_EXCEEDS_CAPTURE", options: Self.staff)
            let rest = try await client.call("payments.refund", ["key": "p"], options: Self.staff)
            #expect(rest["refundedAmount"] == ["amount": 1999, "currency": "EUR"])
            #expect(try await client.call("payments.refund", ["key": "p"], options: Self.staff) == rest)
            try await Self.expectConflict(client, "payments.capture", ["key": "p"], type: "INVALID_STATE")
            let history = try await client.call("payments.get", ["key": "p"])["statusHistory"]?.arrayValue ?? []
            #expect(history.map { $0["status"] } == ["AUTHORIZED", "CAPTURED", "REFUNDED", "REFUNDED"])
            #expect(history.map { $0["amount"] } == [1999, 1999, 500, 1499])

            _ = try await client.call("payments.authorize", Self.authorization("v"))
            try await Self.expectConflict(client, "payments.refund", ["key": "v"], type: "INVALID_STATE", options: Self.staff)
            #expect(try await client.call("payments.void", ["key": "v"])["status"] == "VOIDED")
            #expect(try await client.call("payments.void", ["key": "v"])["status"] == "VOIDED")
            try await Self.expectConflict(client, "payments.capture", ["key": "v"], type: "INVALID_STATE")

            _ = try? await client.call("payments.authorize", Self.authorization("d", card: "4000000000000002"))
            try await Self.expectConflict(client, "payments.capture", ["key": "d"], type: "INVALID_STATE")
            let missing = await #expect(throws: BrokerError.self) { try await client.call("payments.capture", ["key": "none"]) }
            #expect(missing?.status == 404)
            let successes = try await client.call("payments.outbox", ["after": 0, "events": ["payment.success"]])
            #expect(successes.arrayValue?.count == 1)
        }
    }

    @Test("an amount is a positive number of minor units in an ISO 4217 currency; a refund in another currency is 422")
    func amounts() async throws {
        try await withServices([Self.payments()]) { client async throws in
            for (amount, field) in [(["amount": 0, "currency": "EUR"], "amount.amount"), (["amount": 1.5, "currency": "EUR"], "amount.amount"),
                                    (["amount": 100, "currency": "euro"], "amount.currency")] as [(JSON, String)] {
                var params = Self.authorization("a")
                params["amount"] = amount
                let invalid = await #expect(throws: BrokerError.self) { try await client.call("payments.authorize", params) }
                #expect(invalid?.status == 422)
                #expect(invalid?.data?[0]?["field"]?.stringValue == field, "\(amount)")
            }
            _ = try await client.call("payments.authorize", Self.authorization("a"))
            _ = try await client.call("payments.capture", ["key": "a"])
            let mismatch = await #expect(throws: BrokerError.self) {
                try await client.call("payments.refund", ["key": "a", "amount": ["amount": 100, "currency": "USD"]], options: Self.staff)
            }
            #expect(mismatch?.status == 422)
            #expect(mismatch?.type == "CURRENCY_MISMATCH")
            #expect(try await client.call("payments.get", ["key": "a"])["status"] == "CAPTURED")
        }
    }

    @Test("another service may refund without a staff user")
    func internalRefund() async throws {
        let ops = ServiceSchema(name: "ops", actions: [
            ActionSchema("refund") { ctx in try await ctx.call("payments.refund", ctx.params) },
        ])
        try await withServices([Self.payments(), ops]) { client async throws in
            _ = try await client.call("payments.authorize", Self.authorization("p"))
            _ = try await client.call("payments.capture", ["key": "p"])
            let refunded = try await client.call("ops.refund", ["key": "p"], options: Self.asUser(["customer"]))
            #expect(refunded["status"] == "REFUNDED")
        }
    }

    @Test("payment.success and payment.failed are relayed to listeners")
    func events() async throws {
        let heard = Recorder<(String, JSON)>()
        let listener = ServiceSchema(name: "listener", events: [EventSchema("payment.*") { ctx in heard.record((ctx.eventName ?? "", ctx.params)) }])
        try await withServices([Self.payments(), listener]) { client async throws in
            _ = try await client.call("payments.authorize", Self.authorization("ok", orderID: 1))
            _ = try await client.call("payments.capture", ["key": "ok"])
            _ = try? await client.call("payments.authorize", Self.authorization("no", card: "4000000000009995", orderID: 2))
            let events = await heard.next(2)
            #expect(events[0].0 == "payment.success")
            #expect(events[0].1["orderID"] == 1)
            #expect(events[0].1["key"] == "ok")
            #expect(events[0].1["amount"] == ["amount": 1999, "currency": "EUR"])
            #expect(events[1].0 == "payment.failed")
            #expect(events[1].1["orderID"] == 2)
            #expect(events[1].1["reason"] == "INSUFFICIENT_FUNDS")
            #expect(events[1].1["id"]?.stringValue != nil)
        }
    }

    static func expectConflict(
        _ client: ServiceBroker, _ action: String, _ params: JSON, type: String, options: CallOptions = CallOptions()
    ) async throws {
        let conflict = await #expect(throws: BrokerError.self) { try await client.call(action, params, options: options) }
        #expect(conflict?.status == 409)
        #expect(conflict?.type == type)
    }
}
