import Broker
import Foundation

/// A card as the mock gateway sees it, checked: the digits of a valid Luhn number (spaces
/// stripped), an expiry not in the past, a CVC. Only ``last4`` may leave this type: the number
/// itself is never stored, answered or logged.
struct PaymentCard: Sendable {
    private let digits: String
    let expMonth: Int
    let expYear: Int

    /// What the gateway answers for a card (Stripe's test numbers; any other valid number is approved).
    enum Outcome: Equatable {
        case approved
        case declined(PaymentDecline)
        case processingError
    }

    /// Checks `card` as of `now` (UTC); a 422 ValidationError lists every bad field, named
    /// `payment.<field>` as the checkout's client sent it.
    init(_ card: PaymentsParams.Card, now: Date) throws(BrokerError) {
        var problems: [JSON] = []
        let digits = card.cardNumber.filter { $0 != " " }
        if !(12...19).contains(digits.count) || !digits.allSatisfy(\.isASCIIDigit) || !Self.luhnValid(digits) {
            problems.append(Self.problem("cardNumber", "The card number is not a valid card number."))
        }
        if !(1...12).contains(card.expMonth) {
            problems.append(Self.problem("expMonth", "The expiry month must be 1 to 12.", actual: .int(card.expMonth)))
        } else if Self.expired(month: card.expMonth, year: card.expYear, now: now) {
            problems.append(Self.problem("expYear", "The card has expired.", actual: .int(card.expYear)))
        }
        if !(3...4).contains(card.cvc.count) || !card.cvc.allSatisfy(\.isASCIIDigit) {
            problems.append(Self.problem("cvc", "The CVC must be 3 or 4 digits."))
        }
        guard problems.isEmpty else { throw BrokerError.validation(fields: problems) }
        self.digits = digits
        expMonth = card.expMonth
        expYear = card.expYear
    }

    var last4: String { String(digits.suffix(4)) }

    var outcome: Outcome {
        switch digits {
        case "4000000000000002": .declined(.declined)
        case "4000000000009995": .declined(.insufficientFunds)
        case "4000000000000119": .processingError
        default: .approved
        }
    }

    /// The Luhn checksum of a string of ASCII digits.
    static func luhnValid(_ digits: String) -> Bool {
        var sum = 0
        for (index, character) in digits.reversed().enumerated() {
            guard let digit = character.wholeNumberValue else { return false }
            let weighted = index % 2 == 1 ? digit * 2 : digit
            sum += weighted > 9 ? weighted - 9 : weighted
        }
        return !digits.isEmpty && sum % 10 == 0
    }

    /// A card is good through the last day of its expiry month (UTC).
    static func expired(month: Int, year: Int, now: Date) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let today = calendar.dateComponents([.year, .month], from: now)
        return (year, month) < (today.year ?? 0, today.month ?? 0)
    }

    /// A field's problem, never carrying the card number itself.
    private static func problem(_ field: String, _ message: String, actual: JSON? = nil) -> JSON {
        var problem: JSON = ["type": "payment", "field": .string("payment.\(field)"), "message": .string(message)]
        if let actual { problem["actual"] = actual }
        return problem
    }
}

/// Why a card was declined: the error type answered (402) and the `reason` of `payment.failed`.
enum PaymentDecline: String, Codable, Sendable, CaseIterable {
    case declined = "PAYMENT_DECLINED"
    case insufficientFunds = "INSUFFICIENT_FUNDS"

    var message: String {
        switch self {
        case .declined: "The card was declined."
        case .insufficientFunds: "The card has insufficient funds."
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
