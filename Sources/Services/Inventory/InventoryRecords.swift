import Broker
import GRDB

/// A row of `stock`.
struct StockRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "stock"
    var sku: String
    var onHand: Int
    var reserved: Int

    var level: StockLevel { StockLevel(sku: sku, onHand: onHand, reserved: reserved, available: onHand - reserved) }
}

/// The stock of a SKU as the service answers it and as `stock.updated` carries it.
public struct StockLevel: Codable, Sendable, Equatable {
    public var sku: String
    public var onHand: Int
    public var reserved: Int
    public var available: Int
}

/// A line of a reservation: `quantity` units of `sku`.
public struct ReservedLine: Codable, Sendable, Hashable {
    public var sku: String
    public var quantity: Int

    /// One line per SKU (quantities of a repeated SKU added up), sorted by SKU: the form lines
    /// are stored in and compared in.
    static func normalized(_ lines: [ReservedLine]) -> [ReservedLine] {
        Dictionary(lines.map { ($0.sku, $0.quantity) }, uniquingKeysWith: +)
            .map { ReservedLine(sku: $0.key, quantity: $0.value) }
            .sorted { $0.sku < $1.sku }
    }
}

/// A reservation as the service answers it.
public struct Reservation: Codable, Sendable, Equatable {
    public var key: String
    public var status: ReservationStatus
    public var expiresAt: String
    public var lines: [ReservedLine]
}

/// A row of `reservation`; its lines are rows of `reservationLine`.
struct ReservationRow: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "reservation"
    var id: Int64?
    var key: String
    var status: ReservationStatus
    var expiresAt: String
    var createdAt: String

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    static func fetch(key: String, _ db: Database) throws -> ReservationRow? {
        try filter(Column("key") == key).fetchOne(db)
    }

    /// Its lines, sorted by SKU.
    func lines(_ db: Database) throws -> [ReservedLine] {
        try Row.fetchAll(db, sql: "SELECT sku, quantity FROM reservationLine WHERE reservationID = ? ORDER BY sku", arguments: [id])
            .map { ReservedLine(sku: $0["sku"], quantity: $0["quantity"]) }
    }

    func insertLines(_ lines: [ReservedLine], _ db: Database) throws {
        for line in lines {
            try db.execute(
                sql: "INSERT INTO reservationLine (reservationID, sku, quantity) VALUES (?, ?, ?)", arguments: [id, line.sku, line.quantity])
        }
    }

    func answer(_ db: Database) throws -> Reservation {
        Reservation(key: key, status: status, expiresAt: expiresAt, lines: try lines(db))
    }
}

extension ReservationStatus: DatabaseValueConvertible {}

extension StockRow {
    /// Adds `onHand` and `reserved` units to `sku`'s row (the table's checks refuse a negative
    /// or over-reserved result) and enqueues `stock.updated` with the new level.
    @discardableResult
    static func move(_ sku: String, onHand: Int, reserved: Int, _ db: Database) throws -> StockLevel {
        try db.execute(
            sql: "UPDATE stock SET onHand = onHand + ?, reserved = reserved + ? WHERE sku = ?", arguments: [onHand, reserved, sku])
        guard let row = try fetchOne(db, key: sku) else { throw BrokerError.notFound("stock", .string(sku)) }
        try row.announce(db)
        return row.level
    }

    /// Enqueues `stock.updated` with this level, in the current transaction.
    func announce(_ db: Database) throws {
        try db.enqueueEvent("stock.updated", try JSONValueEncoder().encode(level))
    }
}
