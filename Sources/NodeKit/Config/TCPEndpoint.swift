/// A ZeroMQ endpoint, `tcp://host:port`: a seed, a bind address or an advertised address.
public struct TCPEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// A host name, an IPv4 address, an IPv6 address (without brackets), or `*` / `0.0.0.0`
    /// (every interface, for bind addresses only).
    public var host: String
    /// 1-65535; 0 in a bind address means "any free port".
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `tcp://host:port`, with brackets around an IPv6 host.
    public var description: String {
        host.contains(":") ? "tcp://[\(host)]:\(port)" : "tcp://\(host):\(port)"
    }

    /// Whether the host means every interface (`*`, `0.0.0.0`, `::`): fine to bind, not to dial.
    public var isWildcard: Bool {
        host == "*" || host == "0.0.0.0" || host == "::"
    }
}

extension TCPEndpoint {
    /// Parses `tcp://host:port`. `dialable` rejects wildcard hosts (seeds must be reachable);
    /// `portZero` accepts port 0 (a bind address where the system picks a free port).
    static func parse(_ text: String, dialable: Bool, portZero: Bool = false) throws(ConfigProblem) -> TCPEndpoint {
        let syntax = ConfigProblem("\"\(text)\" is not tcp://host:port")
        guard text.hasPrefix("tcp://") else { throw syntax }
        let rest = text.dropFirst("tcp://".count)
        guard let colon = rest.lastIndex(of: ":") else { throw syntax }
        var host = String(rest[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") && host.count > 2 {
            host = String(host.dropFirst().dropLast())
        } else if host.contains(":") {
            throw syntax
        }
        let portText = String(rest[rest.index(after: colon)...])
        let port = portZero && portText == "0" ? 0 : try parsePort(portText)
        guard isValidHost(host) else { throw syntax }
        let endpoint = TCPEndpoint(host: host, port: port)
        if dialable && endpoint.isWildcard {
            throw ConfigProblem("\"\(text)\" names every interface; give a host other nodes can reach")
        }
        return endpoint
    }

    /// Parses a port number written as text.
    static func parsePort(_ text: String) throws(ConfigProblem) -> Int {
        guard let port = Int(text) else { throw ConfigProblem("\(text) is not a port (1-65535)") }
        return try checkPort(port)
    }

    /// Checks that `port` is in 1-65535.
    static func checkPort(_ port: Int) throws(ConfigProblem) -> Int {
        guard (1...65535).contains(port) else { throw ConfigProblem("\(port) is not a port (1-65535)") }
        return port
    }

    /// Checks a host name or address that other nodes dial (no wildcard).
    static func parseHost(_ text: String) throws(ConfigProblem) -> String {
        guard isValidHost(text), !TCPEndpoint(host: text, port: 1).isWildcard else {
            throw ConfigProblem("\"\(text)\" is not a host other nodes can reach")
        }
        return text
    }

    /// Letters, digits, `.`, `-`, `_` and `:` (IPv6), or `*`.
    private static func isValidHost(_ host: String) -> Bool {
        guard !host.isEmpty else { return false }
        if host == "*" { return true }
        return host.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || scalar == "." || scalar == "-" || scalar == "_" || scalar == ":")
        }
    }
}
