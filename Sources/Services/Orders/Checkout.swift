import Broker
import Foundation
import GRDB

/// The checkout saga: the order is written first (with its idempotency key and the price
/// snapshot), then each step is recorded before the next call, so ``OrdersRecovery`` can finish
/// or undo whatever a stopped node left half done.
///
/// reserve every line (short: the order is dropped, nothing charged) → PENDING_PAYMENT,
/// `order.created` → authorize and capture → PAID, `order.paid`, reservation committed, cart
/// emptied; or a refused card → PAYMENT_FAILED, reservation released.
struct Checkout: Sendable {
    let database: StoreDatabase
    let unpaidTimeout: Duration
    let active: ActiveSagas

    func run(_ input: OrdersParams.Checkout, _ ctx: Context) async throws -> Order {
        let user = try ctx.requireUser()
        let hash = try Self.hash(input)
        if let existing = try await existing(input.idempotencyKey, hash: hash, user: user) { return existing }
        if input.promoCode != nil {
            throw BrokerError.validation(fields: [["type": "invalid", "field": "promoCode", "message": "Promotion codes are not available yet."]])
        }
        let cart = try await ctx.call("carts.get", as: Cart.self)
        guard let subtotal = cart.subtotal, !cart.lines.isEmpty else {
            throw BrokerError.conflict("The cart is empty.", type: "INVALID_STATE")
        }
        let options = try await ctx.call(
            "shipping.quote", ["address": ["country": .string(input.shippingAddress.country)], "subtotal": .int(subtotal.amount)],
            as: [ShippingRates.Option].self)
        guard let option = options.first(where: { $0.code == input.shippingOption }) else {
            throw BrokerError.validation(fields: [[
                "type": "enumValue", "field": "shippingOption", "message": "Unknown shipping option.",
                "expected": .string(options.map(\.code).joined(separator: ", ")),
            ]])
        }
        let total = try subtotal.adding(option.price)
        var row = try await create(input, hash: hash, user: user, cart: cart, shipping: option.price, total: total)
        if row.saga != .reserving { return try await answer(row) }  // a concurrent twin wrote it first
        active.begin(row.orderID)
        defer { active.end(row.orderID) }
        try await reserve(&row, cart: cart, ctx)
        try await charge(&row, card: input.payment, ctx)
        return try await answer(row)
    }

    /// The answer to a repeated key: the order made by the first call (same body), or 409.
    private func existing(_ key: String, hash: String, user: StoreUser) async throws -> Order? {
        try await database.read { db in
            guard let row = try OrderRow.filter(Column("userID") == user.id && Column("idempotencyKey") == key).fetchOne(db) else { return nil }
            guard row.requestHash == hash else {
                throw BrokerError.conflict("This idempotency key was used for another checkout.", type: "IDEMPOTENCY_KEY_REUSED")
            }
            return try Order.load(row, db)
        }
    }

    private func create(
        _ input: OrdersParams.Checkout, hash: String, user: StoreUser, cart: Cart, shipping: Money, total: Money
    ) async throws -> OrderRow {
        let address = String(decoding: try JSONWriter.bytes(JSONValueEncoder().encode(input.shippingAddress)), as: UTF8.self)
        let expiresAt = Date().timeIntervalSince1970 + Double(unpaidTimeout.components.seconds)
        return try await database.write { db in
            if let twin = try OrderRow.filter(Column("userID") == user.id && Column("idempotencyKey") == input.idempotencyKey).fetchOne(db) {
                return twin
            }
            var row = OrderRow(
                userID: user.id, email: user.email, status: .pendingPayment, saga: .reserving, currency: total.currency,
                subtotal: cart.subtotal?.amount ?? 0, shippingPrice: shipping.amount, total: total.amount, shippingAddress: address,
                shippingOption: input.shippingOption, idempotencyKey: input.idempotencyKey, requestHash: hash,
                last4: String(input.payment.cardNumber.filter(\.isNumber).suffix(4)), expiresAt: expiresAt,
                createdAt: ISO8601DateFormatter().string(from: Date()))
            try row.insert(db)
            row.number = OrderRow.number(for: row.id ?? 0)
            try row.update(db)
            for line in cart.lines {
                try OrderLineRow(
                    orderId: row.id ?? 0, sku: line.sku, productID: line.productID, name: line.name,
                    options: String(decoding: JSONWriter.bytes(try JSONValueEncoder().encode(line.options)), as: UTF8.self),
                    quantity: line.quantity, unitPrice: line.unitPrice.amount, lineTotal: line.lineTotal.amount
                ).insert(db)
            }
            try db.execute(
                sql: "INSERT INTO orderHistory (orderId, status, at) VALUES (?, ?, ?)",
                arguments: [row.id, OrderStatus.pendingPayment.rawValue, row.createdAt])
            return row
        }
    }

    /// Reserves every line; when stock is short the order is dropped (nothing was announced).
    private func reserve(_ row: inout OrderRow, cart: Cart, _ ctx: Context) async throws {
        let lines: JSON = .array(cart.lines.map { ["sku": .string($0.sku), "quantity": .int($0.quantity)] })
        do {
            _ = try await ctx.call(
                "inventory.reserve", ["key": .string(row.number ?? ""), "lines": lines, "ttlSeconds": .int(Int(unpaidTimeout.components.seconds) + 300)])
        } catch {
            let id = row.id
            try await database.write { db in _ = try OrderRow.deleteOne(db, key: id) }
            throw error
        }
        let created: JSON = [
            "orderID": .int(row.orderID), "number": .string(row.number ?? ""), "userID": .int(row.userID), "email": .string(row.email),
            "name": (try? JSONParser.parse(row.shippingAddress))?["name"] ?? "", "total": try row.money(row.total).json,
        ]
        row = try await database.write { [row] db in
            var row = row
            try db.move(&row, to: nil, saga: .charging)
            try db.enqueueEvent("order.created", created)
            return row
        }
    }

    /// Authorizes and captures; a refused card fails the order and releases its stock.
    private func charge(_ row: inout OrderRow, card: OrdersParams.Card, _ ctx: Context) async throws {
        let key = JSON.string(row.number ?? "")
        let authorization: JSON = [
            "key": key, "orderID": .int(row.orderID), "amount": try row.money(row.total).json,
            "card": ["cardNumber": .string(card.cardNumber), "expMonth": .int(card.expMonth), "expYear": .int(card.expYear), "cvc": .string(card.cvc)],
        ]
        let steps = OrdersSteps(database: database)
        var failure: BrokerError?
        for _ in 1...3 {  // a retryable failure (processing error, payments away) is tried again
            do {
                _ = try await ctx.call("payments.authorize", authorization)
                _ = try await ctx.call("payments.capture", ["key": key])
                failure = nil
                break
            } catch {
                failure = BrokerError.wrapping(error)
                if failure?.retryable != true || failure?.status == 402 { break }
            }
        }
        if let failure {
            _ = try? await ctx.call("payments.void", ["key": key])
            try await steps.fail(&row, as: .paymentFailed, note: failure.message, ctx.broker)
            var refused = failure
            refused.data = ["order": .string(row.number ?? ""), "reason": .string(failure.type ?? failure.code.name)]
            throw refused
        }
        try await steps.paid(&row, ctx.broker)
        _ = try? await ctx.call("carts.clear")
    }

    private func answer(_ row: OrderRow) async throws -> Order {
        try await database.read { db in
            guard let fresh = try OrderRow.fetchOne(db, key: row.id) else { throw BrokerError.notFound("order", .int(row.orderID)) }
            return try Order.load(fresh, db)
        }
    }

    /// A fingerprint of the request (FNV-1a of its JSON with sorted keys) to tell a repeat
    /// from another checkout under the same key; the card number is not kept.
    static func hash(_ input: OrdersParams.Checkout) throws -> String {
        var bytes = JSONWriter.bytes(try JSONValueEncoder().encode(input), sortedKeys: true)
        bytes.append(0)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }
}
