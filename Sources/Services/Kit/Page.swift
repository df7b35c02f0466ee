import Broker

/// Which page of a list to answer: `page` from 1, `pageSize` 1...100 (default 20), as in
/// moleculer-db. An action's params type declares `page: Int?` and `pageSize: Int?` with
/// ``rules`` among its own.
public struct PageRequest: Sendable, Hashable {
    public let page: Int
    public let pageSize: Int

    public static let defaultPageSize = 20
    public static let maxPageSize = 100
    /// Refinements for an `ActionParams` type's `page` and `pageSize`.
    public static let rules = ["page": "min:1", "pageSize": "min:1|max:\(maxPageSize)"]

    /// Missing values take their defaults; out-of-range ones are clamped (validation refuses
    /// them first when the params type uses ``rules``).
    public init(page: Int? = nil, pageSize: Int? = nil) {
        self.page = max(1, page ?? 1)
        self.pageSize = min(Self.maxPageSize, max(1, pageSize ?? Self.defaultPageSize))
    }

    /// Rows to skip (SQL `OFFSET`).
    public var offset: Int { (page - 1) * pageSize }
}

/// One page of a list: `{"rows": [...], "page", "pageSize", "total", "totalPages"}`.
public struct Page<Row: Encodable & Sendable>: Encodable, Sendable {
    public var rows: [Row]
    public var page: Int
    public var pageSize: Int
    public var total: Int
    public var totalPages: Int

    public init(rows: [Row], request: PageRequest, total: Int) {
        self.rows = rows
        page = request.page
        pageSize = request.pageSize
        self.total = total
        totalPages = total == 0 ? 0 : (total + request.pageSize - 1) / request.pageSize
    }
}
