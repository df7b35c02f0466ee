import Broker
import Foundation

/// The users service's signing key and the token issuer and verifier made from it. The key is
/// the `signingKey` setting (a PEM, kept secret), else `users-signing-key.pem` in the data
/// directory, made on first start; in memory (tests), a key per process.
actor UsersTokens {
    let privateKeyPEM: String
    let publicKeyPEM: String
    let lifetime: Duration
    private var made: (issuer: AuthTokenIssuer, verifier: AuthTokenVerifier)?

    init(environment: ServiceEnvironment) throws {
        let pem = try Self.signingKey(environment)
        let key = try AuthTokenIssuer.parse(privateKeyPEM: pem)
        privateKeyPEM = key.privateKeyPEM
        publicKeyPEM = key.publicKeyPEM
        lifetime = .seconds(environment.settings["tokenLifetime"]?.intValue ?? 3600)
    }

    func issuer() async throws -> AuthTokenIssuer { try await keys().issuer }

    func verifier() async throws -> AuthTokenVerifier { try await keys().verifier }

    private func keys() async throws -> (issuer: AuthTokenIssuer, verifier: AuthTokenVerifier) {
        if let made { return made }
        let issuer = try await AuthTokenIssuer(privateKeyPEM: privateKeyPEM)
        let verifier = try await AuthTokenVerifier(publicKeyPEM: issuer.publicKeyPEM)
        made = (issuer, verifier)
        return (issuer, verifier)
    }

    /// The configured PEM, the one in the data directory, or a new one (saved there, mode 0600).
    private static func signingKey(_ environment: ServiceEnvironment) throws -> String? {
        if let pem = environment.settings["signingKey"]?.stringValue { return pem }
        guard let path = environment.path("users-signing-key.pem") else { return nil }
        if let saved = FileManager.default.contents(atPath: path) { return String(decoding: saved, as: UTF8.self) }
        let pem = try AuthTokenIssuer.parse(privateKeyPEM: nil).privateKeyPEM
        guard FileManager.default.createFile(atPath: path, contents: Data(pem.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw BrokerError.server("cannot write the signing key to \(path)")
        }
        return pem
    }
}
