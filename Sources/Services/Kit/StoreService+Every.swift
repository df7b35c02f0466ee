import Broker
import Logging

extension StoreService {
    /// A background task that runs `pass` at start and then every `interval` on the broker's
    /// clock until the service stops; a failing pass is logged (as `what`) and tried again at
    /// the next interval.
    public static func every(
        _ interval: Duration, _ what: String, logger: Logger, _ pass: @escaping @Sendable (ServiceBroker) async throws -> Void
    ) -> BackgroundTask {
        { broker in
            while !Task.isCancelled {
                do {
                    try await pass(broker)
                } catch is CancellationError {
                    return
                } catch {
                    logger.error("\(what) failed", metadata: ["error": "\(error)"])
                }
                do { try await broker.clock.sleep(for: interval) } catch { return }
            }
        }
    }
}
