import Broker

/// The params of the payments service's actions; each field's rule comes from its type, refined here.
enum PaymentsParams {
    /// An amount as it travels: `{"amount": Int (minor units), "currency": "EUR"}`. The kit's
    /// `Money` checks its currency while decoding, which schema inference cannot feed, so params
    /// carry this and handlers turn it into `Money` (``money``).
    struct Amount: Codable, Sendable {
        let amount: Int
        let currency: String

        var money: Money { get throws(BrokerError) { try Money(amount, currency) } }
    }

    /// The card details; checked by ``PaymentCard`` (Luhn, expiry, CVC), not by the schema, so
    /// every card problem names its field the same way.
    struct Card: Codable, Sendable {
        let cardNumber: String
        let expMonth: Int
        let expYear: Int
        let cvc: String
    }

    struct Authorization: ActionParams {
        let key: String
        let orderID: Int
        let amount: Amount
        let card: Card
        static let rules = [
            "key": "min:1|max:200", "orderID": "min:1", "amount.amount": "min:1", "amount.currency": "length:3",
            "card.cardNumber": "max:40", "card.cvc": "max:8",
        ]
    }

    struct Key: ActionParams {
        let key: String
        static let rules = ["key": "min:1|max:200"]
    }

    struct Refund: ActionParams {
        let key: String
        let amount: Amount?
        static let rules = ["key": "min:1|max:200", "amount.amount": "min:1", "amount.currency": "length:3"]
    }
}
