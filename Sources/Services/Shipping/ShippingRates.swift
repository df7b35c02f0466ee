import Broker

/// Shipping options and their prices: by zone (the shop's own country, the EU, the world),
/// standard or express; standard is free at or above `freeFrom` for the shop's country.
/// Everything in minor units of the shop's currency. A pure value, tested on its own.
public struct ShippingRates: Sendable {
    public struct Option: Codable, Sendable, Equatable {
        public var code: String
        public var name: String
        public var price: Money
        /// Working days to deliver, at most.
        public var days: Int
    }

    public var origin: String
    public var currency: String
    public var freeFrom: Int?

    static let eu: Set<String> = [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL",
        "PL", "PT", "RO", "SE", "SI", "SK",
    ]

    /// From the service's settings: `origin` (ISO alpha-2, "DE"), `currency` ("EUR"),
    /// `freeShippingFrom` (minor units; none by default).
    public init(settings: JSON) throws(BrokerError) {
        origin = settings["origin"]?.stringValue ?? "DE"
        currency = settings["currency"]?.stringValue ?? "EUR"
        freeFrom = settings["freeShippingFrom"]?.intValue
        _ = try Money(0, currency)
        guard origin.count == 2, origin == origin.uppercased() else {
            throw BrokerError(code: .serviceSchema, message: "settings.origin must be an ISO 3166 alpha-2 country code (got \(origin))")
        }
    }

    /// The options for an address in `country`, for goods worth `subtotal`, cheapest first.
    public func options(to country: String, subtotal: Int) throws(BrokerError) -> [Option] {
        let (standard, express, days): (Int, Int, Int) =
            country == origin ? (490, 990, 3) : Self.eu.contains(country) ? (990, 1990, 5) : (1990, 3990, 10)
        let free = country == origin && freeFrom.map { subtotal >= $0 } == true
        return [
            Option(code: "standard", name: "Standard", price: try Money(free ? 0 : standard, currency), days: days),
            Option(code: "express", name: "Express", price: try Money(express, currency), days: max(1, days / 3)),
        ]
    }
}
