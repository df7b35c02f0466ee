import Broker
import Logging

/// Expires reservations past their time, every `interval` on the service's clock: one of the
/// service's background tasks, run while the service runs.
struct InventorySweep: Sendable {
    let reservations: InventoryReservations
    let interval: Duration
    let logger: Logger

    /// Sweeps until its task is cancelled.
    func run() async {
        let clock = reservations.time.clock
        while !Task.isCancelled {
            do {
                try await clock.sleep(for: interval)
            } catch {
                return
            }
            do {
                let expired = try await reservations.expire()
                if expired > 0 { logger.debug("reservations expired", metadata: ["reservation.count": "\(expired)"]) }
            } catch {
                logger.error("the reservation sweep failed", metadata: ["error": "\(error)"])
            }
        }
    }
}
