import Broker
import CZeroMQ

/// A CURVE key pair in Z85 text (40 characters each), as `zmq_curve_keypair` makes them.
public struct ZeroMQCurveKeyPair: Sendable, Hashable {
    public var publicKey: String
    public var secretKey: String

    public init(publicKey: String, secretKey: String) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// Whether this libzmq was built with CURVE (`zmq_has("curve")`).
    public static var isAvailable: Bool { zmq_has("curve") == 1 }

    /// A fresh random key pair.
    public static func generate() throws(BrokerError) -> ZeroMQCurveKeyPair {
        var publicKey = [CChar](repeating: 0, count: 41)
        var secretKey = [CChar](repeating: 0, count: 41)
        guard zmq_curve_keypair(&publicKey, &secretKey) == 0 else {
            throw BrokerError.server("CURVE is not available: \(ZeroMQError.last("zmq_curve_keypair"))")
        }
        return ZeroMQCurveKeyPair(publicKey: text(publicKey), secretKey: text(secretKey))
    }

    /// Both keys decode as 32-byte Z85 keys.
    var isValid: Bool { Self.decode(publicKey) != nil && Self.decode(secretKey) != nil }

    /// The 32 raw bytes of a Z85 key; nil when it is not one.
    static func decode(_ key: String) -> [UInt8]? {
        guard key.utf8.count == 40 else { return nil }
        var bytes = [UInt8](repeating: 0, count: 32)
        let decoded = zmq_z85_decode(&bytes, key)
        return decoded == nil ? nil : bytes
    }

    private static func text(_ chars: [CChar]) -> String {
        String(decoding: chars.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
