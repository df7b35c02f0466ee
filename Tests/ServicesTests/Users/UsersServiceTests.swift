import Broker
import BrokerTesting
import Foundation
import Services
import Testing

@Suite("The users service", .timeLimit(.minutes(2)))
struct UsersServiceTests {
    static func users(_ directory: String? = nil) throws -> ServiceSchema {
        var environment = ServiceEnvironment.inMemory(settings: ["bcryptCost": 4])
        environment.dataDirectory = directory
        return try UsersService.make(environment)
    }

    static func asUser(_ user: JSON?) -> CallOptions {
        CallOptions(meta: user.map { ["user": $0] } ?? [:])
    }

    static let ada: JSON = ["email": "Ada@Example.com", "password": "correct horse", "name": "Ada Lovelace"]

    @Test("register answers the profile; the email is taken once, whatever its case; bad params are 422 naming each field")
    func register() async throws {
        try await withServices([Self.users()]) { client async throws in
            let profile = try await client.call("users.register", Self.ada)
            #expect(profile["email"] == "ada@example.com")
            #expect(profile["roles"] == ["customer"])
            #expect(profile["passwordHash"] == nil)
            var again = Self.ada
            again["email"] = "ADA@example.com"
            let taken = await #expect(throws: BrokerError.self) { try await client.call("users.register", again) }
            #expect(taken?.status == 409)
            #expect(taken?.type == "EMAIL_TAKEN")
            let invalid = await #expect(throws: BrokerError.self) {
                try await client.call("users.register", ["email": "nope", "password": "short", "name": "  "])
            }
            #expect(invalid?.status == 422)
            #expect(Set(invalid?.data?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? []) == ["email", "password", "name"])
        }
    }

    @Test("createUser makes staff and admins for services on the same node only")
    func createUser() async throws {
        try await withServices([Self.users()]) { client async throws in
            let remote = await #expect(throws: BrokerError.self) {
                try await client.call("users.createUser", ["email": "root@example.com", "password": "correct horse", "name": "Root", "roles": ["admin"]])
            }
            #expect(remote?.code == .serviceNotFound)
        }
        let broker = ServiceBroker(BrokerConfiguration(nodeID: "solo"))
        try await broker.createService(Self.users())
        try await broker.start()
        let admin = try await broker.call("users.createUser", ["email": "root@example.com", "password": "correct horse", "name": "Root", "roles": ["admin"]])
        #expect(admin["roles"] == ["admin"])
        let login = try await broker.call("users.login", ["email": "root@example.com", "password": "correct horse"])
        #expect(login["user"]?["roles"] == ["admin"])
        await broker.stop()
    }

    @Test("login gives a token the service verifies; a wrong password and an unknown email get the same 401")
    func login() async throws {
        try await withServices([Self.users()]) { client async throws in
            let id = try await client.call("users.register", Self.ada)["id"]
            let session = try await client.call("users.login", ["email": "ada@example.com", "password": "correct horse"])
            let token = try #require(session["token"]?.stringValue)
            #expect(session["user"]?["id"] == id)
            let user = try await client.call("users.verifyToken", ["token": .string(token)])
            #expect(user == ["id": id ?? .null, "email": "ada@example.com", "roles": ["customer"]])
            for wrong in [["email": "ada@example.com", "password": "wrong horse"], ["email": "bob@example.com", "password": "correct horse"]] as [JSON] {
                let refused = await #expect(throws: BrokerError.self) { try await client.call("users.login", wrong) }
                #expect(refused?.status == 401)
                #expect(refused?.message == "Wrong email or password.")
            }
            let me = try await client.call("users.me", [:], options: Self.asUser(user))
            #expect(me["name"] == "Ada Lovelace")
            let guest = await #expect(throws: BrokerError.self) { try await client.call("users.me") }
            #expect(guest?.status == 401)
        }
    }

    @Test("logout revokes the token; another user's token cannot be logged out")
    func logout() async throws {
        try await withServices([Self.users()]) { client async throws in
            _ = try await client.call("users.register", Self.ada)
            _ = try await client.call("users.register", ["email": "bob@example.com", "password": "hunter2hunter2", "name": "Bob"])
            let token = try #require(try await client.call("users.login", ["email": "ada@example.com", "password": "correct horse"])["token"])
            let ada = try await client.call("users.verifyToken", ["token": token])
            let bobToken = try #require(try await client.call("users.login", ["email": "bob@example.com", "password": "hunter2hunter2"])["token"])
            let notYours = await #expect(throws: BrokerError.self) {
                try await client.call("users.logout", ["token": bobToken], options: Self.asUser(ada))
            }
            #expect(notYours?.status == 401)
            #expect(try await client.call("users.logout", ["token": token], options: Self.asUser(ada)) == ["ok": true])
            let revoked = await #expect(throws: BrokerError.self) { try await client.call("users.verifyToken", ["token": token]) }
            #expect(revoked?.type == "TOKEN_REVOKED")
            _ = try await client.call("users.verifyToken", ["token": bobToken])
        }
    }

    @Test("the profile and addresses of the caller; a country is two letters, stored in capitals")
    func profileAndAddresses() async throws {
        try await withServices([Self.users()]) { client async throws in
            let id = try await client.call("users.register", Self.ada)["id"] ?? .null
            let ada = Self.asUser(["id": id, "email": "ada@example.com", "roles": ["customer"]])
            let updated = try await client.call("users.updateMe", ["phone": " +44 20 7946 0000 "], options: ada)
            #expect(updated["phone"] == "+44 20 7946 0000")
            #expect(updated["name"] == "Ada Lovelace")
            let address = try await client.call(
                "users.addAddress", ["line1": "12 St James's Square", "city": "London", "postalCode": "SW1Y 4JH", "country": "gb"], options: ada)
            #expect(address["country"] == "GB")
            #expect(try await client.call("users.addresses", [:], options: ada).arrayValue?.count == 1)
            let bad = await #expect(throws: BrokerError.self) {
                try await client.call("users.addAddress", ["line1": "x", "city": "y", "postalCode": "z", "country": "G1"], options: ada)
            }
            #expect(bad?.data?[0]?["field"] == "country")
        }
    }

    @Test("peers verify tokens with the published public key; the signing key stays home and survives a restart")
    func keys() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("users-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var publicKeys: [String] = []
        for _ in 0..<2 {
            try await withServices([Self.users(directory)]) { client async throws in
                let settings = try #require(client.registryView().services.first { $0.name == "users" }?.settings)
                let publicKey = try #require(settings["publicKey"]?.stringValue)
                #expect(settings["signingKey"] == nil)
                publicKeys.append(publicKey)
                _ = try? await client.call("users.register", Self.ada)
                let token = try #require(try await client.call("users.login", ["email": "ada@example.com", "password": "correct horse"])["token"]?.stringValue)
                #expect(try await AuthTokenVerifier(publicKeyPEM: publicKey).verify(token).user?.email == "ada@example.com")
            }
        }
        #expect(publicKeys[0] == publicKeys[1])
        let attributes = try FileManager.default.attributesOfItem(atPath: "\(directory)/users-signing-key.pem")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }
}
