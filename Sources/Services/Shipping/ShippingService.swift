import Broker
import Foundation
import GRDB

/// The `shipping` service: quotes, and shipments with tracking numbers that move from
/// LABEL_CREATED to IN_TRANSIT to DELIVERED, each step kept and sent as `shipment.created` or
/// `shipment.updated` through the outbox.
public enum ShippingService {
    struct Destination: Decodable, Sendable {
        let country: String
        let postalCode: String?
    }

    struct Quote: ActionParams {
        let address: Destination
        let subtotal: Int?
        static let rules = ["address.country": "trim|uppercase|length:2|alpha", "address.postalCode": "max:20", "subtotal": "min:0"]
    }

    struct NewShipment: ActionParams {
        let orderID: Int
        let orderNumber: String
        let option: String
        let address: [String: JSON]
        static let rules = ["orderID": "positive", "orderNumber": "min:1|max:50", "option": "min:1|max:20"]
    }

    struct Tracking: ActionParams {
        let trackingNumber: String
        let status: ShipmentStatus?
        static let rules = ["trackingNumber": "trim|min:1|max:40"]
    }

    public static func make(_ environment: ServiceEnvironment) throws -> ServiceSchema {
        let rates = try ShippingRates(settings: environment.settings)
        let store = StoreService(name: "shipping", environment: environment, migrator: ShippingDatabase.migrator)
        let shipments = Shipments(database: store.database)
        return store.schema(outbox: true, actions: [
            ActionSchema("quote", rest: "GET /shipping/quote") { (ctx: Context, input: Quote) -> [ShippingRates.Option] in
                try rates.options(to: input.address.country, subtotal: input.subtotal ?? 0)
            },
            ActionSchema("createShipment", visibility: .public) { (ctx: Context, input: NewShipment) -> Shipment in
                try await shipments.create(input)
            },
            ActionSchema("advance", rest: "POST /admin/shipments/:trackingNumber/advance") { (ctx: Context, input: Tracking) -> Shipment in
                _ = try ctx.requireRole(.staff)
                return try await shipments.advance(input.trackingNumber, to: input.status)
            },
            ActionSchema("track", rest: "GET /shipments/:trackingNumber") { (ctx: Context, input: Tracking) -> Shipment in
                try await shipments.find(input.trackingNumber)
            },
        ])
    }
}
