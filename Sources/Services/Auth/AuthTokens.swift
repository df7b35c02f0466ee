import Broker
import Foundation
import JWTKit

/// The claims of a store access token: who (`sub`, `email`, `roles`), which token (`jti`, for
/// revocation) and until when (`exp`).
public struct AuthClaims: JWTPayload, Equatable {
    public var sub: SubjectClaim
    public var email: String
    public var roles: [StoreRole]
    public var jti: IDClaim
    public var iat: IssuedAtClaim
    public var exp: ExpirationClaim

    /// The user the token speaks for.
    public var user: StoreUser? {
        Int(sub.value).map { StoreUser(id: $0, email: email, roles: roles) }
    }

    /// Signature checks come first (JWTKit); expiry is checked by ``AuthTokenVerifier`` against
    /// the time it is given, so tests control it.
    public func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// Issues ES256 access tokens with the users service's private key. The public key
/// (``publicKeyPEM``) is all a verifier needs, so the gateway checks tokens without a call.
public struct AuthTokenIssuer: Sendable {
    private let keys: JWTKeyCollection
    public let publicKeyPEM: String
    /// The signing key, for a service that generated it and must keep it (settings, a file).
    public let privateKeyPEM: String?

    /// Checks (or, for nil, generates) a signing key without making an issuer: its PEM and the
    /// PEM of its public key.
    public static func parse(privateKeyPEM: String?) throws(BrokerError) -> (privateKeyPEM: String, publicKeyPEM: String) {
        let key = try signingKey(privateKeyPEM)
        return (key.pemRepresentation, key.publicKey.pemRepresentation)
    }

    private static func signingKey(_ pem: String?) throws(BrokerError) -> ES256PrivateKey {
        do {
            return try pem.map { try ES256PrivateKey(pem: $0) } ?? ES256PrivateKey()
        } catch {
            throw BrokerError.server("The token signing key is not a PEM P-256 (ES256) private key: \(error)")
        }
    }

    /// `privateKeyPEM` nil generates a key.
    public init(privateKeyPEM: String?) async throws {
        let key = try Self.signingKey(privateKeyPEM)
        keys = JWTKeyCollection()
        await keys.add(ecdsa: key)
        publicKeyPEM = key.publicKey.pemRepresentation
        self.privateKeyPEM = key.pemRepresentation
    }

    /// A token for `user`, valid for `lifetime` from `now`.
    public func issue(for user: StoreUser, lifetime: Duration, now: Date = Date()) async throws -> (token: String, claims: AuthClaims) {
        let seconds = Double(lifetime.components.seconds) + Double(lifetime.components.attoseconds) / 1e18
        let claims = AuthClaims(
            sub: SubjectClaim(value: String(user.id)), email: user.email, roles: user.roles, jti: IDClaim(value: UUID().uuidString),
            iat: IssuedAtClaim(value: now), exp: ExpirationClaim(value: now.addingTimeInterval(seconds)))
        return (try await keys.sign(claims), claims)
    }
}

/// Checks access tokens with the issuer's public key: signature, then expiry. Every failure is
/// the same kind of 401, with a type saying why (`INVALID_TOKEN`, `TOKEN_EXPIRED`).
public struct AuthTokenVerifier: Sendable {
    private let keys: JWTKeyCollection

    public init(publicKeyPEM: String) async throws {
        let key: ES256PublicKey
        do {
            key = try ES256PublicKey(pem: publicKeyPEM)
        } catch {
            throw BrokerError.server("The token verification key is not a PEM P-256 (ES256) public key: \(error)")
        }
        keys = JWTKeyCollection()
        await keys.add(ecdsa: key)
    }

    public func verify(_ token: String, now: Date = Date()) async throws -> AuthClaims {
        let claims: AuthClaims
        do {
            claims = try await keys.verify(token, as: AuthClaims.self)
        } catch {
            throw BrokerError.unauthorized("The token is not valid.", type: "INVALID_TOKEN")
        }
        guard claims.exp.value > now else { throw BrokerError.unauthorized("The token has expired.", type: "TOKEN_EXPIRED") }
        guard claims.user != nil else { throw BrokerError.unauthorized("The token is not valid.", type: "INVALID_TOKEN") }
        return claims
    }
}
