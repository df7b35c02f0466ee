import Broker

/// The words demo products and customers are made of.
enum SeedVocabulary {
    static let categories: [(parent: String, children: [String])] = [
        ("Clothing", ["T-Shirts", "Hoodies", "Trousers", "Jackets"]),
        ("Shoes", ["Sneakers", "Boots"]),
        ("Accessories", ["Hats", "Bags", "Scarves"]),
    ]
    static let adjectives = ["Classic", "Urban", "Vintage", "Everyday", "Alpine", "Coastal", "Organic", "Slim", "Relaxed", "Heritage"]
    static let materials = ["Cotton", "Linen", "Wool", "Denim", "Leather", "Canvas", "Fleece", "Merino", "Hemp", "Corduroy"]
    /// Each noun and the (child) category it belongs in.
    static let nouns: [(noun: String, category: String)] = [
        ("Tee", "t-shirts"), ("Hoodie", "hoodies"), ("Chinos", "trousers"), ("Jacket", "jackets"), ("Sneaker", "sneakers"),
        ("Boot", "boots"), ("Cap", "hats"), ("Tote", "bags"), ("Scarf", "scarves"), ("Parka", "jackets"),
    ]
    static let sizes = ["S", "M", "L", "XL"]
    static let colours = ["black", "white", "navy", "olive", "red", "grey"]
    static let firstNames = ["Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "John", "Katherine", "Tim"]
    static let lastNames = ["Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "Backus", "Johnson", "Berners-Lee"]

    struct Product {
        var json: JSON
        var skus: [String]
    }

    /// The `index`th demo product; product 0 is the one with the hot SKU.
    static func product(_ index: Int, _ random: inout SeededRandom) -> Product {
        if index == 0 {
            return Product(
                json: [
                    "name": "Hot Tee", "category": "t-shirts", "currency": "EUR",
                    "variants": [["sku": .string(StoreSeed.hotSKU), "size": "M", "colour": "black", "price": 1500]],
                ],
                skus: [StoreSeed.hotSKU])
        }
        let adjective = adjectives[Int(random.next() % UInt64(adjectives.count))]
        let material = materials[Int(random.next() % UInt64(materials.count))]
        let (noun, category) = nouns[Int(random.next() % UInt64(nouns.count))]
        let price = 990 + Int(random.next() % 120) * 100
        let colour = colours[Int(random.next() % UInt64(colours.count))]
        let count = 1 + Int(random.next() % 4)
        var variants: [JSON] = []
        var skus: [String] = []
        for size in sizes.prefix(count) {
            let sku = "SKU-\(index)-\(size)-\(colour.uppercased())"
            skus.append(sku)
            variants.append(["sku": .string(sku), "size": .string(size), "colour": .string(colour), "price": .int(price + (size == "XL" ? 200 : 0))])
        }
        return Product(
            json: ["name": .string("\(adjective) \(material) \(noun)"), "category": .string(category), "currency": "EUR", "variants": .array(variants)],
            skus: skus)
    }

    static func customerName(_ index: Int) -> String {
        "\(firstNames[index % firstNames.count]) \(lastNames[(index / firstNames.count) % lastNames.count])"
    }
}
