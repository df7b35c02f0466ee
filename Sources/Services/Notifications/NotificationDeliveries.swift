import Broker
import GRDB

/// Sends the queued emails through the `email` service (a pass every `interval`): a delivery
/// that fails is tried again after `interval` × its attempts, up to `maxAttempts`, then marked
/// FAILED; every attempt is in the delivery log. The email's key is the notification, so a
/// send the email service took but whose answer was lost is not sent twice.
struct NotificationDeliveries: Sendable {
    let database: StoreDatabase
    let interval: Duration
    let maxAttempts: Int


    func deliverDue(_ broker: ServiceBroker) async throws {
        let now = Double(broker.clock.now.components.seconds)
        let due = try await database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT id, notificationId, \"to\", template, data, attempts FROM delivery WHERE status = 'PENDING' AND nextAttemptAt <= ? ORDER BY id LIMIT 50",
                arguments: [now]
            ).map { (id: $0["id"] as Int64, notification: $0["notificationId"] as Int64, to: $0["to"] as String, template: $0["template"] as String, data: $0["data"] as String, attempts: $0["attempts"] as Int) }
        }
        for delivery in due {
            let params: JSON = [
                "to": .string(delivery.to), "template": .string(delivery.template),
                "data": (try? JSONParser.parse(delivery.data)) ?? [:], "key": .string("notification:\(delivery.notification)"),
            ]
            let outcome: String?
            do {
                _ = try await broker.call("email.send", params)
                outcome = nil
            } catch {
                outcome = (error as? BrokerError)?.message ?? "\(error)"
            }
            let attempts = delivery.attempts + 1
            let status = outcome == nil ? "SENT" : attempts >= maxAttempts ? "FAILED" : "PENDING"
            let retryAt = now + Double(interval.components.seconds) * Double(attempts)
            try await database.write { db in
                try db.execute(
                    sql: "UPDATE delivery SET status = ?, attempts = ?, nextAttemptAt = ?, lastError = ? WHERE id = ?",
                    arguments: [status, attempts, retryAt, outcome, delivery.id])
            }
        }
    }
}
