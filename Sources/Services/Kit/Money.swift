import Broker

/// An amount in integer minor units of an ISO 4217 currency: `{"amount": 1999, "currency": "EUR"}`
/// is EUR 19.99. Never a floating-point number; arithmetic checks the currency and overflow.
public struct Money: Codable, Sendable, Hashable, CustomStringConvertible {
    public let amount: Int
    /// Three capital letters.
    public let currency: String

    /// Throws a 422 ValidationError for a currency that is not three capital letters.
    public init(_ amount: Int, _ currency: String) throws(BrokerError) {
        guard currency.utf8.count == 3, currency.utf8.allSatisfy({ (65...90).contains($0) }) else {
            throw BrokerError.validation(fields: [
                ["type": "currency", "field": "currency", "message": .string("'\(currency)' is not an ISO 4217 currency code."), "actual": .string(currency)],
            ])
        }
        self.amount = amount
        self.currency = currency
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(try container.decode(Int.self, forKey: .amount), try container.decode(String.self, forKey: .currency))
    }

    private enum CodingKeys: String, CodingKey { case amount, currency }

    public static func zero(_ currency: String) throws(BrokerError) -> Money { try Money(0, currency) }

    public var json: JSON { ["amount": .int(amount), "currency": .string(currency)] }

    /// `EUR 19.99` (two decimals: the store's currencies all have two minor digits).
    public var description: String {
        let sign = amount < 0 ? "-" : ""
        let units = amount.magnitude / 100, cents = amount.magnitude % 100
        return "\(currency) \(sign)\(units).\(cents < 10 ? "0" : "")\(cents)"
    }

    public func adding(_ other: Money) throws(BrokerError) -> Money {
        try sameCurrency(other)
        return try Money(checked: amount.addingReportingOverflow(other.amount), currency)
    }

    public func subtracting(_ other: Money) throws(BrokerError) -> Money {
        try sameCurrency(other)
        return try Money(checked: amount.subtractingReportingOverflow(other.amount), currency)
    }

    public func multiplied(by quantity: Int) throws(BrokerError) -> Money {
        try Money(checked: amount.multipliedReportingOverflow(by: quantity), currency)
    }

    /// `basisPoints` / 10 000 of this amount (1 250 = 12.5 %), rounded half away from zero.
    public func percentage(basisPoints: Int) throws(BrokerError) -> Money {
        let (product, overflow) = amount.multipliedReportingOverflow(by: basisPoints)
        guard !overflow else { throw Self.overflow }
        let (quotient, remainder) = product.quotientAndRemainder(dividingBy: 10_000)
        let rounded = remainder.magnitude * 2 >= 10_000 ? quotient + (product < 0 ? -1 : 1) : quotient
        return try Money(rounded, currency)
    }

    /// Splits this amount over `weights` in proportion, the parts adding up exactly to it (the
    /// remainder goes one minor unit at a time to the largest weights first).
    public func allocated(over weights: [Int]) throws(BrokerError) -> [Money] {
        let total = weights.reduce(0, +)
        guard !weights.isEmpty, total > 0, weights.allSatisfy({ $0 >= 0 }) else {
            throw BrokerError.server("Money can only be allocated over non-negative weights with a positive sum.")
        }
        var parts: [Int] = []
        for weight in weights {
            let (product, overflow) = amount.multipliedReportingOverflow(by: weight)
            guard !overflow else { throw Self.overflow }
            parts.append(product / total)
        }
        var left = amount - parts.reduce(0, +)
        let step = left < 0 ? -1 : 1
        for index in weights.indices.sorted(by: { weights[$0] > weights[$1] }) where left != 0 {
            parts[index] += step
            left -= step
        }
        return try parts.map { (part) throws(BrokerError) in try Money(part, currency) }
    }

    private func sameCurrency(_ other: Money) throws(BrokerError) {
        guard currency == other.currency else {
            throw BrokerError.client("Cannot combine \(currency) and \(other.currency) amounts.", status: 422, type: "CURRENCY_MISMATCH")
        }
    }

    private init(checked result: (partialValue: Int, overflow: Bool), _ currency: String) throws(BrokerError) {
        guard !result.overflow else { throw Self.overflow }
        try self.init(result.partialValue, currency)
    }

    private static let overflow = BrokerError.client("The amount is too large.", status: 422, type: "AMOUNT_OVERFLOW")
}
