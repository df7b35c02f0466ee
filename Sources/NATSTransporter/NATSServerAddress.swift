import Broker

/// One NATS server to dial: `nats://[user:password@|token@]host:port`.
public struct NATSServerAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    /// Credentials written in the URL; they override ``NATSOptions`` ones for this server.
    public var user: String?
    public var password: String?
    public var token: String?

    public init(host: String, port: Int = 4222, user: String? = nil, password: String? = nil, token: String? = nil) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.token = token
    }

    /// Parses `nats://host[:port]`, with optional `user:password@` or `token@`.
    public init(parsing url: String) throws(BrokerError) {
        guard url.hasPrefix("nats://") else { throw Self.invalid(url) }
        var rest = Substring(url.dropFirst("nats://".count))
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                user = String(credentials[..<colon]).removingPercentEncoding
                password = String(credentials[credentials.index(after: colon)...]).removingPercentEncoding
            } else {
                token = String(credentials).removingPercentEncoding
            }
        }
        let hostPart: Substring
        if let colon = rest.lastIndex(of: ":"), !rest.hasSuffix("]") {
            guard let port = Int(rest[rest.index(after: colon)...]), (1...65_535).contains(port) else { throw Self.invalid(url) }
            self.port = port
            hostPart = rest[..<colon]
        } else {
            port = 4222
            hostPart = rest
        }
        host = String(hostPart.trimmingCharacters(in: ["[", "]"]))
        guard !host.isEmpty, !host.contains("/") else { throw Self.invalid(url) }
    }

    /// The URL without credentials (safe to log).
    public var description: String { "nats://\(host.contains(":") ? "[\(host)]" : host):\(port)" }

    private static func invalid(_ url: String) -> BrokerError {
        BrokerError.client("\"\(url)\" is not a NATS server URL (nats://[user:password@]host:port).", type: "NATS_BAD_URL")
    }
}

extension StringProtocol {
    fileprivate var removingPercentEncoding: String? {
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(Self.hexValue), let low = iterator.next().flatMap(Self.hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> Substring {
        var result = self
        while let first = result.first, set.contains(first) { result = result.dropFirst() }
        while let last = result.last, set.contains(last) { result = result.dropLast() }
        return result
    }
}
