import Broker
import GRDB

/// The `notifications` service: turns order, payment and shipment events (reliable
/// subscriptions: none lost while it is down, none applied twice) into each customer's in-app
/// feed and into emails sent through the `email` service, with retries and a delivery log.
/// Settings: `deliveryInterval` (seconds between delivery passes, 2), `maxAttempts` (5).
public enum NotificationsService {
    struct Feed: ActionParams {
        let page: Int?
        let pageSize: Int?
        static let rules = PageRequest.rules
    }

    public static func make(_ environment: ServiceEnvironment) throws -> ServiceSchema {
        let store = StoreService(name: "notifications", environment: environment, migrator: NotificationsDatabase.migrator)
        let database = store.database
        let interval = Duration.seconds(environment.settings["deliveryInterval"]?.intValue ?? 2)
        let deliveries = NotificationDeliveries(
            database: database, interval: interval, maxAttempts: environment.settings["maxAttempts"]?.intValue ?? 5)
        return store.schema(
            actions: [
                ActionSchema("list", rest: "GET /notifications") { (ctx: Context, input: Feed) -> Page<FeedItem> in
                    let user = try ctx.requireUser()
                    let page = PageRequest(page: input.page, pageSize: input.pageSize)
                    return try await database.read { db in
                        let request = FeedItem.filter(Column("userID") == user.id)
                        let rows = try request.order(Column("id").desc).limit(page.pageSize, offset: page.offset).fetchAll(db)
                        return Page(rows: rows, request: page, total: try request.fetchCount(db))
                    }
                },
                ActionSchema("deliveries", rest: "GET /admin/notifications/deliveries") { (ctx: Context, input: Feed) -> Page<DeliveryLog> in
                    _ = try ctx.requireRole(.staff)
                    let page = PageRequest(page: input.page, pageSize: input.pageSize)
                    return try await database.read { db in
                        let rows = try DeliveryLog.order(Column("id").desc).limit(page.pageSize, offset: page.offset).fetchAll(db)
                        return Page(rows: rows, request: page, total: try DeliveryLog.fetchCount(db))
                    }
                },
            ],
            subscriptions: NotificationRules.subscriptions,
            tasks: [StoreService.every(interval, "the delivery pass", logger: environment.logger, deliveries.deliverDue)])
    }
}

/// A line of a customer's feed.
public struct FeedItem: Codable, Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "notification"
    public static var databaseSelection: [any SQLSelectable] { [Column("id"), Column("orderID"), Column("title"), Column("createdAt")] }
    public var id: Int64
    public var orderID: Int
    public var title: String
    public var createdAt: String
}

/// A row of the delivery log.
public struct DeliveryLog: Codable, Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "delivery"
    public static var databaseSelection: [any SQLSelectable] {
        [Column("id"), Column("channel"), Column("to"), Column("template"), Column("status"), Column("attempts"), Column("lastError")]
    }
    public var id: Int64
    public var channel: String
    public var to: String
    public var template: String
    public var status: String
    public var attempts: Int
    public var lastError: String?
}
