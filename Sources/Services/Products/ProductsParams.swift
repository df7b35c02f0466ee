import Broker

/// The params of the products service's actions.
enum ProductsParams {
    enum Sort: String, Decodable, CaseIterable, Sendable {
        case name, price, descendingPrice = "-price", newest
    }

    struct List: ActionParams {
        let page: Int?
        let pageSize: Int?
        let category: String?
        let sort: Sort?
        static let rules = PageRequest.rules.merging(["category": "min:1|max:100"]) { $1 }
    }

    struct Lookup: ActionParams {
        let idOrSlug: String
        static let rules = ["idOrSlug": "trim|min:1|max:200"]
    }

    struct NewVariant: Decodable, Sendable {
        let sku: String
        let size: String?
        let colour: String?
        let price: Int
    }

    /// `products.create`, and `products.update` (with `id`, every other field optional).
    struct Fields: ActionParams {
        let id: Int?
        let name: String?
        let slug: String?
        let description: String?
        let category: String?
        let currency: String?
        let images: [String]?
        let variants: [NewVariant]?
        static let rules = [
            "id": "positive", "name": "trim|min:1|max:200", "slug": "trim|min:1|max:200", "description": "max:5000",
            "category": "min:1|max:100", "currency": "length:3|uppercase|alpha", "images": "max:20", "images[]": "min:1|max:500",
            "variants": "min:1|max:100", "variants[].sku": "trim|min:1|max:64", "variants[].size": "trim|min:1|max:20",
            "variants[].colour": "trim|min:1|max:30", "variants[].price": "min:0|max:100000000",
        ]
    }

    struct SKUs: ActionParams {
        let skus: [String]
        static let rules = ["skus": "min:1|max:200", "skus[]": "min:1|max:64"]
    }

    struct ID: ActionParams {
        let id: Int
        static let rules = ["id": "positive"]
    }
}
