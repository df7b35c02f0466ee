import Broker
import GRDB

/// The `orders` service: checkout (see ``Checkout``), the customer's orders, cancelling before
/// shipping (stock back, payment refunded), and for staff shipping, refunding and listing.
/// An order becomes DELIVERED when shipping says so. Settings: `unpaidTimeout` (seconds a
/// reservation is held for payment, 900), `recoveryInterval` (seconds, 5).
public enum OrdersService {
    public static func make(_ environment: ServiceEnvironment) throws -> ServiceSchema {
        let store = StoreService(name: "orders", environment: environment, migrator: OrdersDatabase.migrator)
        let database = store.database
        let active = ActiveSagas()
        let checkout = Checkout(
            database: database, unpaidTimeout: .seconds(environment.settings["unpaidTimeout"]?.intValue ?? 900), active: active)
        let recovery = OrdersRecovery(database: database, active: active, logger: environment.logger)
        let interval = Duration.seconds(environment.settings["recoveryInterval"]?.intValue ?? 5)
        let orders = OrdersActions(database: database, active: active)
        return store.schema(
            outbox: true,
            actions: [
                ActionSchema("checkout", timeout: .seconds(60), rest: "POST /checkout") { (ctx: Context, input: OrdersParams.Checkout) -> Order in
                    try await checkout.run(input, ctx)
                },
            ] + orders.actions,
            subscriptions: [
                ReliableSubscription(source: "shipping", events: ["shipment.updated"]) { event, db in
                    guard event.data["status"]?.stringValue == "DELIVERED", let id = event.data["orderID"]?.intValue,
                        var row = try OrderRow.fetchOne(db, key: id), row.status == .shipped
                    else { return }
                    try db.move(&row, to: .delivered, saga: row.saga)
                },
            ],
            tasks: [StoreService.every(interval, "order recovery", logger: environment.logger, recovery.pass)])
    }
}
