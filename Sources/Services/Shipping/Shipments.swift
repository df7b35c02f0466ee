import Broker
import Foundation
import GRDB

/// Where a shipment is; it only moves forward, one step at a time.
public enum ShipmentStatus: String, Codable, Sendable, CaseIterable {
    case labelCreated = "LABEL_CREATED", inTransit = "IN_TRANSIT", delivered = "DELIVERED"

    /// The step after this one; nil once delivered.
    var next: ShipmentStatus? {
        switch self {
        case .labelCreated: .inTransit
        case .inTransit: .delivered
        case .delivered: nil
        }
    }
}

/// A shipment and its history, as `shipping.track` answers it.
public struct Shipment: Codable, Sendable, Equatable {
    public struct Step: Codable, Sendable, Equatable {
        public var status: ShipmentStatus
        public var at: String
    }

    public var trackingNumber: String
    public var orderID: Int
    public var orderNumber: String
    public var option: String
    public var address: JSON
    public var status: ShipmentStatus
    public var history: [Step]
}

/// The shipments table's operations.
struct Shipments: Sendable {
    let database: StoreDatabase

    /// One shipment per order: asking again answers the first.
    func create(_ input: ShippingService.NewShipment) async throws -> Shipment {
        let address = String(decoding: JSONWriter.bytes(.object(input.address)), as: UTF8.self)
        let tracking = try await database.write { db -> String in
            if let existing = try String.fetchOne(db, sql: "SELECT trackingNumber FROM shipment WHERE orderID = ?", arguments: [input.orderID]) {
                return existing
            }
            let tracking = "QS" + String(UInt64.random(in: 1_000_000_000...9_999_999_999))
            try db.execute(
                sql: "INSERT INTO shipment (trackingNumber, orderID, orderNumber, option, address, status) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [tracking, input.orderID, input.orderNumber, input.option, address, ShipmentStatus.labelCreated.rawValue])
            try Self.step(tracking, .labelCreated, db)
            try db.enqueueEvent(
                "shipment.created",
                ["orderID": .int(input.orderID), "orderNumber": .string(input.orderNumber), "trackingNumber": .string(tracking),
                 "status": .string(ShipmentStatus.labelCreated.rawValue)])
            return tracking
        }
        return try await find(tracking)
    }

    /// Moves to `status` (the next step when nil); anything but the next step is 409 `INVALID_STATE`.
    func advance(_ tracking: String, to status: ShipmentStatus?) async throws -> Shipment {
        try await database.write { db in
            let shipment = try Self.load(tracking, db)
            guard let next = shipment.status.next, status == nil || status == next else {
                throw BrokerError.conflict(
                    "A shipment \(shipment.status.rawValue) cannot become \(status?.rawValue ?? "anything else").", type: "INVALID_STATE")
            }
            try db.execute(sql: "UPDATE shipment SET status = ? WHERE trackingNumber = ?", arguments: [next.rawValue, tracking])
            try Self.step(tracking, next, db)
            try db.enqueueEvent(
                "shipment.updated",
                ["orderID": .int(shipment.orderID), "orderNumber": .string(shipment.orderNumber), "trackingNumber": .string(tracking),
                 "status": .string(next.rawValue)])
        }
        return try await find(tracking)
    }

    func find(_ tracking: String) async throws -> Shipment {
        try await database.read { db in try Self.load(tracking, db) }
    }

    private static func load(_ tracking: String, _ db: Database) throws -> Shipment {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM shipment WHERE trackingNumber = ?", arguments: [tracking]) else {
            throw BrokerError.notFound("shipment", .string(tracking))
        }
        let history = try Row.fetchAll(db, sql: "SELECT status, at FROM shipmentStep WHERE trackingNumber = ? ORDER BY rowid", arguments: [tracking])
            .compactMap { step in ShipmentStatus(rawValue: step["status"]).map { Shipment.Step(status: $0, at: step["at"]) } }
        return Shipment(
            trackingNumber: tracking, orderID: row["orderID"], orderNumber: row["orderNumber"], option: row["option"],
            address: (try? JSONParser.parse(row["address"] as String)) ?? [:], status: ShipmentStatus(rawValue: row["status"]) ?? .labelCreated,
            history: history)
    }

    private static func step(_ tracking: String, _ status: ShipmentStatus, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO shipmentStep (trackingNumber, status, at) VALUES (?, ?, ?)",
            arguments: [tracking, status.rawValue, ISO8601DateFormatter().string(from: Date())])
    }
}

enum ShippingDatabase {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("shipping-v1") { db in
            try db.create(table: "shipment") { table in
                table.primaryKey("trackingNumber", .text)
                table.column("orderID", .integer).notNull().unique()
                table.column("orderNumber", .text).notNull()
                table.column("option", .text).notNull()
                table.column("address", .text).notNull()
                table.column("status", .text).notNull()
            }
            try db.create(table: "shipmentStep") { table in
                table.column("trackingNumber", .text).notNull().indexed().references("shipment", onDelete: .cascade)
                table.column("status", .text).notNull()
                table.column("at", .text).notNull()
            }
        }
        return migrator
    }
}
