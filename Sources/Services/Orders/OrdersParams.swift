import Broker

/// The params of the orders service's actions.
enum OrdersParams {
    struct Address: Codable, Sendable {
        let name: String?
        let line1: String
        let line2: String?
        let city: String
        let postalCode: String
        let country: String
    }

    struct Card: Codable, Sendable {
        let cardNumber: String
        let expMonth: Int
        let expYear: Int
        let cvc: String
    }

    struct Checkout: ActionParams, Encodable {
        let shippingAddress: Address
        let shippingOption: String
        let payment: Card
        let promoCode: String?
        let idempotencyKey: String
        static let rules = [
            "shippingAddress.name": "trim|max:100", "shippingAddress.line1": "trim|min:1|max:200", "shippingAddress.line2": "trim|max:200",
            "shippingAddress.city": "trim|min:1|max:100", "shippingAddress.postalCode": "trim|min:1|max:20",
            "shippingAddress.country": "trim|uppercase|length:2|alpha", "shippingOption": "min:1|max:20", "payment.cardNumber": "max:40",
            "payment.cvc": "max:8", "promoCode": "min:1|max:50", "idempotencyKey": "min:1|max:100",
        ]
    }

    struct ID: ActionParams {
        let id: Int
        static let rules = ["id": "positive"]
    }

    struct List: ActionParams {
        let page: Int?
        let pageSize: Int?
        let status: OrderStatus?
        let customerID: Int?
        static let rules = PageRequest.rules.merging(["customerID": "positive"]) { $1 }
    }
}
