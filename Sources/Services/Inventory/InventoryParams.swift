import Broker

/// The params of the inventory service's actions; each field's rule comes from its type, refined here.
enum InventoryParams {
    static let skuRule = "trim|min:1|max:64"

    struct SKU: ActionParams {
        let sku: String
        static let rules = ["sku": skuRule]
    }

    struct SKUs: ActionParams {
        let skus: [String]
        static let rules = ["skus": "min:1|max:200", "skus[]": skuRule]
    }

    struct Adjustment: ActionParams {
        let sku: String
        let delta: Int
        let reason: String
        static let rules = ["sku": skuRule, "delta": "min:-1000000|max:1000000", "reason": "trim|min:1|max:200"]
    }

    struct Reservation: ActionParams {
        let key: String
        let lines: [ReservedLine]
        let ttlSeconds: Int?
        static let rules = [
            "key": "trim|min:1|max:200", "lines": "min:1|max:200", "lines[].sku": skuRule, "lines[].quantity": "min:1|max:100000",
            "ttlSeconds": "min:1|max:604800",
        ]
    }

    struct Key: ActionParams {
        let key: String
        static let rules = ["key": "trim|min:1|max:200"]
    }
}
