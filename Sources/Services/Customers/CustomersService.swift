import Broker
import GRDB

/// The `customers` service: the staff's view of the store's customers. Its records follow the
/// `users` service's events (`user.registered`, `user.updated`) through a reliable
/// subscription, so a customer registered while this service was down appears once it is back.
public enum CustomersService {
    struct Search: ActionParams {
        let page: Int?
        let pageSize: Int?
        let q: String?
        static let rules = PageRequest.rules.merging(["q": "trim|min:1|max:100"]) { $1 }
    }

    struct ID: ActionParams {
        let id: Int
        static let rules = ["id": "positive"]
    }

    public static func make(_ environment: ServiceEnvironment) throws -> ServiceSchema {
        let store = StoreService(name: "customers", environment: environment, migrator: migrator)
        let database = store.database
        return store.schema(
            actions: [
                ActionSchema("list", rest: "GET /admin/customers") { (ctx: Context, input: Search) -> Page<Customer> in
                    _ = try ctx.requireRole(.staff)
                    let page = PageRequest(page: input.page, pageSize: input.pageSize)
                    return try await database.read { db in
                        var request = Customer.all()
                        if let q = input.q {
                            let pattern = "%\(q.replacingOccurrences(of: "%", with: ""))%"
                            request = request.filter(Column("email").like(pattern) || Column("name").like(pattern))
                        }
                        let rows = try request.order(Column("id")).limit(page.pageSize, offset: page.offset).fetchAll(db)
                        return Page(rows: rows, request: page, total: try request.fetchCount(db))
                    }
                },
                ActionSchema("get", rest: "GET /admin/customers/:id") { (ctx: Context, input: ID) -> JSON in
                    _ = try ctx.requireRole(.staff)
                    guard let customer = try await database.read({ db in try Customer.fetchOne(db, key: input.id) }) else {
                        throw BrokerError.notFound("customer", .int(input.id))
                    }
                    // The order history, while the orders service answers.
                    let orders = try? await ctx.call("orders.listAll", ["customerID": .int(input.id), "pageSize": 100])
                    var answer = try JSONValueEncoder().encode(customer)
                    answer["orders"] = orders?["rows"] ?? .null
                    return answer
                },
            ],
            subscriptions: [
                ReliableSubscription(source: "users", events: ["user.registered", "user.updated"]) { event, db in
                    guard let id = event.data["userID"]?.intValue, let email = event.data["email"]?.stringValue else { return }
                    var customer = try Customer.fetchOne(db, key: id) ?? Customer(id: id, email: email, name: "", registeredAt: event.occurredAt)
                    customer.email = email
                    customer.name = event.data["name"]?.stringValue ?? customer.name
                    try customer.save(db)
                },
            ])
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("customers-v1") { db in
            try db.create(table: "customer") { table in
                table.primaryKey("id", .integer)
                table.column("email", .text).notNull()
                table.column("name", .text).notNull()
                table.column("registeredAt", .text).notNull()
            }
        }
        return migrator
    }
}

/// A customer as staff see it: the user's id, email and name, and when they registered.
public struct Customer: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "customer"
    public var id: Int
    public var email: String
    public var name: String
    public var registeredAt: String
}
