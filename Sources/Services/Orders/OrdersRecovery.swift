import Broker
import Foundation
import GRDB
import Logging

/// Finishes or undoes the checkouts a stopped node left half done, at start and every
/// `interval`: a saga not running in this process is taken up at the step it recorded. An
/// order that was reserved but never paid (its checkout died) is EXPIRED and its stock given
/// back; one the payments service holds as authorized or captured is completed.
struct OrdersRecovery: Sendable {
    let database: StoreDatabase
    let active: ActiveSagas
    let logger: Logger

    func pass(_ broker: ServiceBroker) async throws {
        let open = try await database.read { db in try OrderRow.filter(Column("saga") != SagaStep.done.rawValue).fetchAll(db) }
        let steps = OrdersSteps(database: database)
        for var row in open where !active.contains(row.orderID) {
            switch row.saga {
            case .reserving:
                try await dropUnreserved(row, broker)
            case .charging:
                try await settle(&row, steps, broker)
            default:
                try await steps.finish(&row, broker)
            }
            logger.info("order saga recovered", metadata: ["order.number": "\(row.number ?? "?")", "order.status": "\(row.status.rawValue)"])
        }
    }

    /// The checkout stopped before its reservation was recorded: release whatever it may have
    /// reserved, and drop the order (it was never announced).
    private func dropUnreserved(_ row: OrderRow, _ broker: ServiceBroker) async throws {
        do {
            _ = try await broker.call("inventory.release", ["key": .string(row.number ?? "")])
        } catch let error as BrokerError where error.status == 404 {}
        let id = row.id
        try await database.write { db in _ = try OrderRow.deleteOne(db, key: id) }
    }

    /// The checkout stopped between reservation and payment: what the payments service holds decides.
    private func settle(_ row: inout OrderRow, _ steps: OrdersSteps, _ broker: ServiceBroker) async throws {
        let key: JSON = ["key": .string(row.number ?? "")]
        let status: String?
        do {
            status = try await broker.call("payments.get", key)["status"]?.stringValue
        } catch let error as BrokerError where error.status == 404 {
            status = nil
        }
        switch status {
        case "CAPTURED":
            try await steps.paid(&row, broker)
        case "AUTHORIZED":
            _ = try await broker.call("payments.capture", key)
            try await steps.paid(&row, broker)
        case "DECLINED":
            try await steps.fail(&row, as: .paymentFailed, note: "the card was declined", broker)
        default:
            try await steps.fail(&row, as: .expired, note: "the checkout was interrupted before payment", broker)
        }
    }
}
