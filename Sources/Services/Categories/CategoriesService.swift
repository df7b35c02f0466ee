import Broker
import GRDB

/// The `categories` service: the category tree (parent and children) that products are filed
/// in. Anyone reads it; staff create categories.
public enum CategoriesService {
    struct NewCategory: ActionParams {
        let name: String
        let slug: String?
        let parent: String?
        static let rules = ["name": "trim|min:1|max:100", "slug": "trim|min:1|max:100", "parent": "min:1|max:100"]
    }

    struct Lookup: ActionParams {
        let slug: String
        static let rules = ["slug": "min:1|max:100"]
    }

    struct Empty: ActionParams {}

    public static func make(_ environment: ServiceEnvironment) throws -> ServiceSchema {
        let store = StoreService(name: "categories", environment: environment, migrator: CategoriesDatabase.migrator)
        let database = store.database
        return store.schema(actions: [
            ActionSchema("tree", rest: "GET /categories") { (ctx: Context, _: Empty) -> [CategoryNode] in
                CategoryNode.forest(try await database.read { db in try Category.fetchAll(db) })
            },
            ActionSchema("descendants", visibility: .public) { (ctx: Context, input: Lookup) -> [String] in
                let all = try await database.read { db in try Category.fetchAll(db) }
                guard let category = all.first(where: { $0.slug == input.slug }) else { throw BrokerError.notFound("category", .string(input.slug)) }
                return CategoryNode.forest(all, parent: category.parentId).first { $0.slug == input.slug }?.slugs ?? [input.slug]
            },
            ActionSchema("create", rest: "POST /admin/categories") { (ctx: Context, input: NewCategory) -> Category in
                _ = try ctx.requireRole(.staff)
                let slug = Slug.make(input.slug ?? input.name)
                guard !slug.isEmpty else { throw BrokerError.validation(fields: [Self.field("slug", "The category needs a name or slug with letters or digits.")]) }
                return try await database.write { db in
                    var parentID: Int64?
                    if let parent = input.parent {
                        guard let found = try Category.filter(Column("slug") == parent).fetchOne(db) else {
                            throw BrokerError.notFound("category", .string(parent))
                        }
                        parentID = found.id
                    }
                    guard try Category.filter(Column("slug") == slug).fetchCount(db) == 0 else {
                        throw BrokerError.conflict("The slug '\(slug)' is taken.", type: "SLUG_TAKEN", data: ["slug": .string(slug)])
                    }
                    var category = Category(slug: slug, name: input.name, parentId: parentID)
                    try category.insert(db)
                    return category
                }
            },
        ])
    }

    static func field(_ name: String, _ message: String) -> JSON {
        ["type": "invalid", "field": .string(name), "message": .string(message)]
    }
}
