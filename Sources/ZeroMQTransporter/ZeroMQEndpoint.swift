/// A TCP endpoint of the mesh, `tcp://host:port`, validated. Peers supply endpoints in their
/// INFO, so only plain, connectable addresses pass: an IPv4 address, a bracketed IPv6 address
/// or a DNS host name, and a port 1-65535. Wildcards (`*`, `0.0.0.0`, `[::]`), libzmq's source
/// address syntax (`;`), paths, spaces and other transports are refused.
public struct ZeroMQEndpoint: Hashable, Sendable, CustomStringConvertible {
    public let host: String
    public let port: Int

    /// Parses a peer endpoint; nil when it is not a connectable `tcp://host:port`.
    public init?(_ text: String) {
        guard let (host, port) = Self.split(text), (1...65535).contains(port), Self.isConnectable(host) else { return nil }
        self.host = host
        self.port = port
    }

    /// A bind endpoint: the host may be a wildcard (`*`, `0.0.0.0`) and the port 0 or `*`
    /// (ephemeral: the system picks one). `port` is 0 for an ephemeral bind.
    public init?(binding text: String) {
        let ephemeral = text.hasSuffix(":*")
        guard let (host, port) = Self.split(ephemeral ? String(text.dropLast()) + "0" : text), (0...65535).contains(port),
              host == "*" || host == "0.0.0.0" || host == "[::]" || Self.isConnectable(host)
        else { return nil }
        self.host = host
        self.port = port
    }

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public var description: String { "tcp://\(host):\(port)" }

    /// Whether the host is a wildcard that peers cannot connect to.
    var isWildcard: Bool { host == "*" || host == "0.0.0.0" || host == "[::]" }

    private static func split(_ text: String) -> (String, Int)? {
        guard text.utf8.count <= 300, text.hasPrefix("tcp://") else { return nil }
        let rest = text.dropFirst(6)
        guard let colon = rest.lastIndex(of: ":") else { return nil }
        let host = String(rest[..<colon])
        let digits = rest[rest.index(after: colon)...]
        guard !host.isEmpty, (1...5).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let port = Int(digits)
        else { return nil }
        return (host, port)
    }

    static func isConnectable(_ host: String) -> Bool {
        if host.hasPrefix("[") { return isIPv6(host) }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        if labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) { return isIPv4(labels) }
        return isHostName(host, labels: labels)
    }

    private static func isIPv4(_ labels: [Substring]) -> Bool {
        guard labels.count == 4 else { return false }
        let octets = labels.compactMap { $0.count <= 3 ? Int($0) : nil }
        guard octets.count == 4, octets.allSatisfy({ $0 <= 255 }) else { return false }
        return octets != [0, 0, 0, 0] && octets != [255, 255, 255, 255]
    }

    private static func isIPv6(_ host: String) -> Bool {
        guard host.hasSuffix("]"), (4...47).contains(host.count) else { return false }
        let inner = host.dropFirst().dropLast()
        guard inner.contains(":"), inner.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return false }
        return inner.contains { $0 != ":" && $0 != "0" }
    }

    private static func isHostName(_ host: String, labels: [Substring]) -> Bool {
        guard host.utf8.count <= 253 else { return false }
        return labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
