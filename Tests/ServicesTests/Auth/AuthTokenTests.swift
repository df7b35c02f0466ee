import Broker
import Foundation
import Services
import Testing

@Suite("ES256 access tokens")
struct AuthTokenTests {
    static let ada = StoreUser(id: 7, email: "ada@example.com", roles: [.customer])

    @Test("a token verifies with the issuer's public key alone and names its user")
    func issueAndVerify() async throws {
        let issuer = try await AuthTokenIssuer(privateKeyPEM: nil)
        let verifier = try await AuthTokenVerifier(publicKeyPEM: issuer.publicKeyPEM)
        let (token, claims) = try await issuer.issue(for: Self.ada, lifetime: .seconds(3600))
        let verified = try await verifier.verify(token)
        #expect(verified.user == Self.ada)
        #expect(verified.jti == claims.jti)
        let (second, secondClaims) = try await issuer.issue(for: Self.ada, lifetime: .seconds(3600))
        #expect(second != token)
        #expect(secondClaims.jti != claims.jti)
    }

    @Test("expired, tampered and foreign tokens are refused with a 401 saying why")
    func refusals() async throws {
        let issuer = try await AuthTokenIssuer(privateKeyPEM: nil)
        let verifier = try await AuthTokenVerifier(publicKeyPEM: issuer.publicKeyPEM)
        let issuedAt = Date(timeIntervalSince1970: 1_800_000_000)
        let (token, _) = try await issuer.issue(for: Self.ada, lifetime: .seconds(60), now: issuedAt)
        #expect(try await verifier.verify(token, now: issuedAt.addingTimeInterval(59)).user == Self.ada)
        let expired = await #expect(throws: BrokerError.self) { try await verifier.verify(token, now: issuedAt.addingTimeInterval(61)) }
        #expect(expired?.status == 401)
        #expect(expired?.type == "TOKEN_EXPIRED")

        var parts = token.split(separator: ".").map(String.init)
        let staff = try JSONSerialization.data(withJSONObject: ["sub": "7", "email": "ada@example.com", "roles": ["admin"], "jti": "x", "iat": 1, "exp": 9_999_999_999])
        parts[1] = staff.base64EncodedString().replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        let tampered = await #expect(throws: BrokerError.self) { try await verifier.verify(parts.joined(separator: "."), now: issuedAt) }
        #expect(tampered?.type == "INVALID_TOKEN")

        let stranger = try await AuthTokenIssuer(privateKeyPEM: nil)
        let (foreign, _) = try await stranger.issue(for: Self.ada, lifetime: .seconds(60), now: issuedAt)
        let refused = await #expect(throws: BrokerError.self) { try await verifier.verify(foreign, now: issuedAt) }
        #expect(refused?.code == .unauthorized)
        let garbage = await #expect(throws: BrokerError.self) { try await verifier.verify("not.a.token") }
        #expect(garbage?.type == "INVALID_TOKEN")
    }

    @Test("a PEM signing key gives the same public key every time; a bad PEM is a clear error")
    func pemKeys() async throws {
        let generated = try await AuthTokenIssuer(privateKeyPEM: nil)
        let pem = try #require(generated.privateKeyPEM)
        let first = try await AuthTokenIssuer(privateKeyPEM: pem)
        let second = try await AuthTokenIssuer(privateKeyPEM: pem)
        #expect(first.publicKeyPEM == second.publicKeyPEM)
        #expect(first.publicKeyPEM == generated.publicKeyPEM)
        let bad = await #expect(throws: BrokerError.self) { try await AuthTokenIssuer(privateKeyPEM: "-----BEGIN NOTHING-----") }
        #expect(bad?.message.hasPrefix("The token signing key is not a PEM P-256 (ES256) private key") == true)
    }
}
