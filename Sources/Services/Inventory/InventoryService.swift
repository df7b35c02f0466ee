import Broker
import Foundation

/// The `inventory` service: stock per SKU, staff adjustments, and reservations taken
/// all-or-nothing at checkout, committed on payment, released on failure, cancel or expiry;
/// never oversold (the `stock` table refuses a negative or over-reserved row). Every change of a
/// level enqueues `stock.updated {sku, onHand, reserved, available}` in its transaction.
/// Settings: `reservationTTL` (seconds, 900), `sweepInterval` (seconds between expiry sweeps, 5).
public enum InventoryService {
    public static func make(_ environment: ServiceEnvironment) throws -> ServiceSchema {
        let ttl = try setting("reservationTTL", 900, environment)
        let interval = try setting("sweepInterval", 5, environment)
        let store = StoreService(name: "inventory", environment: environment, migrator: InventoryDatabase.migrator)
        let time = InventoryTime(clock: environment.clock)
        let reservations = InventoryReservations(database: store.database, time: time, defaultTTL: ttl)
        let logger = environment.logger
        let sweep = StoreService.every(.seconds(interval), "the reservation sweep", logger: logger) { _ in
            let expired = try await reservations.expire()
            if expired > 0 { logger.debug("reservations expired", metadata: ["reservation.count": "\(expired)"]) }
        }
        return store.schema(
            outbox: true, actions: InventoryStock(database: store.database, time: time).actions + reservations.actions,
            tasks: [sweep])
    }

    /// A whole number of seconds, at least 1.
    private static func setting(_ name: String, _ fallback: Int, _ environment: ServiceEnvironment) throws -> Int {
        guard let value = environment.settings[name] else { return fallback }
        guard let seconds = value.intValue, seconds >= 1 else {
            throw BrokerError(code: .serviceSchema, message: "settings.\(name) must be a whole number of seconds, at least 1 (got \(value))")
        }
        return seconds
    }
}
