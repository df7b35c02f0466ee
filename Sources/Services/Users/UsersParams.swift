import Broker

/// The params of the users service's actions; each field's rule comes from its type, refined here.
enum UsersParams {
    struct Registration: ActionParams {
        let email: String
        let password: String
        let name: String
        static let rules = ["email": "email|max:254", "password": "min:8|max:72", "name": "trim|min:1|max:100"]
    }

    struct NewUser: ActionParams {
        let email: String
        let password: String
        let name: String
        let roles: [StoreRole]
        static let rules = Registration.rules.merging(["roles": "min:1"]) { $1 }
    }

    struct Credentials: ActionParams {
        let email: String
        let password: String
        static let rules = ["email": "max:254", "password": "max:200"]
    }

    struct Token: ActionParams {
        let token: String
        static let rules = ["token": "min:1|max:4096"]
    }

    struct ProfileChange: ActionParams {
        let name: String?
        let phone: String?
        static let rules = ["name": "trim|min:1|max:100", "phone": "trim|min:3|max:32"]
    }

    struct NewAddress: ActionParams {
        let name: String?
        let line1: String
        let line2: String?
        let city: String
        let postalCode: String
        let country: String
        static let rules = [
            "name": "trim|max:100", "line1": "trim|min:1|max:200", "line2": "trim|max:200", "city": "trim|min:1|max:100",
            "postalCode": "trim|min:1|max:20", "country": "trim|uppercase|length:2|alpha",
        ]
    }

    struct Empty: ActionParams {}
}
