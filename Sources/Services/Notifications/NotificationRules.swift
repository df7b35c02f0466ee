import Broker
import Foundation
import GRDB

/// What each order, payment and shipment event tells the customer: a line in their feed and,
/// for most, an email. Events of one order may come from different services in any order: a
/// notification about an order whose `order.created` has not arrived yet waits for it, and gets
/// its recipient (and its email) when it does.
enum NotificationRules {
    static let subscriptions: [ReliableSubscription] = [
        ReliableSubscription(source: "orders", events: ["order.created", "order.paid", "order.cancelled"], handler: apply),
        ReliableSubscription(source: "payments", events: ["payment.success", "payment.failed"], handler: apply),
        ReliableSubscription(source: "shipping", events: ["shipment.created", "shipment.updated"], handler: apply),
    ]

    static func apply(_ event: ReliableEvent, _ db: Database) throws {
        let data = event.data
        guard let orderID = data["orderID"]?.intValue else { return }
        if event.name == "order.created", let userID = data["userID"]?.intValue, let email = data["email"]?.stringValue {
            try db.execute(
                sql: "INSERT OR IGNORE INTO orderContact (orderID, number, userID, email, name) VALUES (?, ?, ?, ?, ?)",
                arguments: [orderID, data["number"]?.stringValue ?? "", userID, email, data["name"]?.stringValue ?? ""])
        }
        let number = data["number"]?.stringValue ?? data["orderNumber"]?.stringValue ?? ""
        let total = data["total"].flatMap { try? $0.decode(as: Money.self) }?.description ?? data["amount"].flatMap { try? $0.decode(as: Money.self) }?.description
        let (title, template): (String, String?)
        switch (event.name, data["status"]?.stringValue) {
        case ("order.created", _): (title, template) = ("Order \(number) received", "order-placed")
        case ("order.paid", _): (title, template) = ("Order \(number) is paid", nil)
        case ("order.cancelled", _): (title, template) = ("Order \(number) was cancelled", nil)
        case ("payment.success", _): (title, template) = ("Payment received", "payment-succeeded")
        case ("payment.failed", _): (title, template) = ("Payment failed", "payment-failed")
        case ("shipment.created", _): (title, template) = ("Your order has shipped", "order-shipped")
        case ("shipment.updated", "DELIVERED"): (title, template) = ("Your order was delivered", nil)
        default: return
        }
        var facts: [String: JSON] = ["number": .string(number)]
        facts["total"] = total.map(JSON.string)
        facts["reason"] = data["reason"]
        facts["trackingNumber"] = data["trackingNumber"]
        try db.execute(
            sql: "INSERT INTO notification (orderID, title, template, data, createdAt) VALUES (?, ?, ?, ?, ?)",
            arguments: [orderID, title, template, String(decoding: JSONWriter.bytes(.object(facts)), as: UTF8.self), ISO8601DateFormatter().string(from: Date())])
        try attachRecipients(orderID: orderID, db)
    }

    /// Gives the order's notifications without a recipient the customer's id, and queues their emails.
    private static func attachRecipients(orderID: Int, _ db: Database) throws {
        guard let contact = try Row.fetchOne(db, sql: "SELECT * FROM orderContact WHERE orderID = ?", arguments: [orderID]) else { return }
        let waiting = try Row.fetchAll(db, sql: "SELECT id, template, data FROM notification WHERE orderID = ? AND userID IS NULL", arguments: [orderID])
        for row in waiting {
            try db.execute(sql: "UPDATE notification SET userID = ? WHERE id = ?", arguments: [contact["userID"] as Int, row["id"] as Int64])
            guard let template = row["template"] as String? else { continue }
            var data = (try? JSONParser.parse(row["data"] as String))?.objectValue ?? [:]
            data["name"] = .string(contact["name"])
            if (data["number"]?.stringValue ?? "").isEmpty { data["number"] = .string(contact["number"]) }
            try db.execute(
                sql: "INSERT INTO delivery (notificationId, channel, \"to\", template, data, status) VALUES (?, 'email', ?, ?, ?, 'PENDING')",
                arguments: [row["id"] as Int64, contact["email"] as String, template, String(decoding: JSONWriter.bytes(.object(data)), as: UTF8.self)])
        }
    }
}
