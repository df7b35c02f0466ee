import Broker
import GRDB

/// Reading orders, cancelling, and the staff's shipping, refunding and listing.
struct OrdersActions: Sendable {
    let database: StoreDatabase
    let active: ActiveSagas

    var actions: [ActionSchema] {
        [
            ActionSchema("list", rest: "GET /orders") { (ctx: Context, input: OrdersParams.List) -> Page<Order> in
                try await page(input, userID: try ctx.requireUser().id)
            },
            ActionSchema("listAll", rest: "GET /admin/orders") { (ctx: Context, input: OrdersParams.List) -> Page<Order> in
                _ = try ctx.requireRole(.staff)
                return try await page(input, userID: input.customerID)
            },
            ActionSchema("get", rest: "GET /orders/:id") { (ctx: Context, input: OrdersParams.ID) -> Order in
                let row = try await owned(input.id, ctx)
                return try await database.read { db in try Order.load(row, db) }
            },
            ActionSchema("cancel", rest: "POST /orders/:id/cancel") { (ctx: Context, input: OrdersParams.ID) -> Order in
                var row = try await owned(input.id, ctx)
                guard row.saga == .done, row.status == .paid else {
                    throw BrokerError.conflict("An order \(row.status.rawValue) cannot be cancelled.", type: "INVALID_STATE")
                }
                active.begin(row.orderID)
                defer { active.end(row.orderID) }
                try await OrdersSteps(database: database).cancel(&row, ctx.broker)
                return try await database.read { [row] db in try Order.load(row, db) }
            },
            ActionSchema("ship", rest: "POST /admin/orders/:id/ship") { (ctx: Context, input: OrdersParams.ID) -> Order in
                _ = try ctx.requireRole(.staff)
                var row = try await owned(input.id, ctx)
                _ = try row.status.moving(to: .shipped)
                let shipment = try await ctx.call("shipping.createShipment", [
                    "orderID": .int(row.orderID), "orderNumber": .string(row.number ?? ""), "option": .string(row.shippingOption),
                    "address": (try? JSONParser.parse(row.shippingAddress)) ?? [:],
                ])
                row = try await database.write { [row] db in
                    var row = try OrderRow.fetchOne(db, key: row.id) ?? row
                    row.trackingNumber = shipment["trackingNumber"]?.stringValue
                    try db.move(&row, to: .shipped, saga: row.saga, note: row.trackingNumber)
                    return row
                }
                return try await database.read { [row] db in try Order.load(row, db) }
            },
            ActionSchema("refund", rest: "POST /admin/orders/:id/refund") { (ctx: Context, input: OrdersParams.ID) -> Order in
                _ = try ctx.requireRole(.staff)
                var row = try await owned(input.id, ctx)
                _ = try row.status.moving(to: .refunded)
                _ = try await ctx.call("payments.refund", ["key": .string(row.number ?? "")])
                row = try await database.write { [row] db in
                    var row = try OrderRow.fetchOne(db, key: row.id) ?? row
                    try db.move(&row, to: .refunded, saga: row.saga)
                    return row
                }
                return try await database.read { [row] db in try Order.load(row, db) }
            },
        ]
    }

    /// The order when the caller owns it or is staff; 404 otherwise (its existence not revealed).
    private func owned(_ id: Int, _ ctx: Context) async throws -> OrderRow {
        let user = try ctx.requireUser()
        guard let row = try await database.read({ db in try OrderRow.fetchOne(db, key: id) }), row.userID == user.id || user.isStaff else {
            throw BrokerError.notFound("order", .int(id))
        }
        return row
    }

    private func page(_ input: OrdersParams.List, userID: Int?) async throws -> Page<Order> {
        let page = PageRequest(page: input.page, pageSize: input.pageSize)
        return try await database.read { db in
            var request = OrderRow.all()
            if let userID { request = request.filter(Column("userID") == userID) }
            if let status = input.status { request = request.filter(Column("status") == status.rawValue) }
            let rows = try request.order(Column("id").desc).limit(page.pageSize, offset: page.offset).fetchAll(db)
            return Page(rows: try rows.map { try Order.load($0, db) }, request: page, total: try request.fetchCount(db))
        }
    }
}
