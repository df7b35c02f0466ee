import Broker
import Logging

/// Expires reservations past their time, every `interval` on the service's clock: started in
/// the service's `started`, cancelled and awaited in its `stopped`.
struct InventorySweep: Sendable {
    let reservations: InventoryReservations
    let interval: Duration
    let logger: Logger
    private let loops = BackgroundLoops()

    init(reservations: InventoryReservations, interval: Duration, logger: Logger) {
        self.reservations = reservations
        self.interval = interval
        self.logger = logger
    }

    func start() {
        loops.start([run])
    }

    func stop() async {
        await loops.stop()
    }

    private func run() async {
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
