import GRDB

/// The categories service's tables. Shipped migrations are never edited; add new ones.
enum CategoriesDatabase {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("categories-v1") { db in
            try db.create(table: "category") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("slug", .text).notNull().unique()
                table.column("name", .text).notNull()
                table.belongsTo("parent", inTable: "category", onDelete: .restrict)
            }
        }
        return migrator
    }
}

/// A row of `category`.
public struct Category: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "category"
    public var id: Int64?
    public var slug: String
    public var name: String
    public var parentId: Int64?

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A category with its children, as `categories.tree` answers it.
public struct CategoryNode: Codable, Sendable, Equatable {
    public var id: Int64
    public var slug: String
    public var name: String
    public var children: [CategoryNode]

    /// The forest of `categories`, each level sorted by name.
    static func forest(_ categories: [Category], parent: Int64? = nil) -> [CategoryNode] {
        categories.filter { $0.parentId == parent }.sorted { $0.name < $1.name }.compactMap { category in
            category.id.map { CategoryNode(id: $0, slug: category.slug, name: category.name, children: forest(categories, parent: $0)) }
        }
    }

    /// This node's slug and every descendant's.
    var slugs: [String] { [slug] + children.flatMap(\.slugs) }
}
