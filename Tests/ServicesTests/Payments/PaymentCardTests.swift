import Broker
import Foundation
@testable import Services
import Testing

@Suite("The mock gateway's card checks")
struct PaymentCardTests {
    /// 15 June 2026, noon UTC.
    static let now = Date(timeIntervalSince1970: 1_781_524_800)

    static func card(_ number: String, month: Int = 12, year: Int = 2030, cvc: String = "123") -> PaymentsParams.Card {
        PaymentsParams.Card(cardNumber: number, expMonth: month, expYear: year, cvc: cvc)
    }

    /// The fields a check refuses, or [] when it passes.
    static func refused(_ card: PaymentsParams.Card) -> [String] {
        do {
            _ = try PaymentCard(card, now: now)
            return []
        } catch {
            #expect(error.status == 422)
            return error.data?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? []
        }
    }

    @Test("Luhn: the test numbers pass, one changed digit fails")
    func luhn() {
        for number in ["4242424242424242", "4000000000000002", "4000000000009995", "4000000000000119", "5555555555554444", "378282246310005"] {
            #expect(PaymentCard.luhnValid(number), "\(number)")
        }
        #expect(!PaymentCard.luhnValid("4242424242424241"))
        #expect(!PaymentCard.luhnValid("4000000000000003"))
        #expect(!PaymentCard.luhnValid(""))
    }

    @Test("a number is 12 to 19 digits with a valid checksum; spaces are stripped; anything else names payment.cardNumber")
    func number() throws {
        #expect(Self.refused(Self.card("4242 4242 4242 4242")) == [])
        #expect(try PaymentCard(Self.card("4242 4242 4242 4242"), now: Self.now).last4 == "4242")
        for bad in ["4242424242424241", "42424242424", "4242-4242-4242-4242", "42424242424242424242", "abcd", "", "４２４２４２４２４２４２４２４２"] {
            #expect(Self.refused(Self.card(bad)) == ["payment.cardNumber"], "\(bad)")
        }
    }

    @Test("the expiry month is 1 to 12 and not before this month; the CVC is 3 or 4 digits")
    func expiryAndCVC() {
        #expect(Self.refused(Self.card("4242424242424242", month: 6, year: 2026)) == [])
        #expect(Self.refused(Self.card("4242424242424242", month: 5, year: 2026)) == ["payment.expYear"])
        #expect(Self.refused(Self.card("4242424242424242", month: 1, year: 2027)) == [])
        #expect(Self.refused(Self.card("4242424242424242", month: 13)) == ["payment.expMonth"])
        #expect(Self.refused(Self.card("4242424242424242", month: 0)) == ["payment.expMonth"])
        #expect(Self.refused(Self.card("4242424242424242", cvc: "1234")) == [])
        for bad in ["12", "12345", "12a", ""] {
            #expect(Self.refused(Self.card("4242424242424242", cvc: bad)) == ["payment.cvc"], "\(bad)")
        }
        #expect(Self.refused(Self.card("1234", month: 13, cvc: "x")) == ["payment.cardNumber", "payment.expMonth", "payment.cvc"])
    }

    @Test("each test number's outcome; any other valid number is approved")
    func outcomes() throws {
        let expected: [(String, PaymentCard.Outcome)] = [
            ("4242424242424242", .approved), ("4000000000000002", .declined(.declined)),
            ("4000000000009995", .declined(.insufficientFunds)), ("4000 0000 0000 0119", .processingError),
            ("5555555555554444", .approved),
        ]
        for (number, outcome) in expected {
            #expect(try PaymentCard(Self.card(number), now: Self.now).outcome == outcome, "\(number)")
        }
    }

    @Test("a refusal never carries the card number")
    func refusalHidesNumber() {
        do {
            _ = try PaymentCard(Self.card("4242424242424241", month: 13), now: Self.now)
            Issue.record("accepted")
        } catch {
            let written = String(decoding: JSONWriter.bytes(error.wire), as: UTF8.self)
            #expect(!written.contains("424242424242424"))
        }
    }
}
