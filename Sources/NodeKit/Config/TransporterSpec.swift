/// Which transporter a node uses, as written in `nodes.yml`, `--transporter` or
/// `QUARK_TRANSPORTER`: `zmq` or `nats://host:port[,nats://host:port...]`. The in-memory
/// transporter is not one of them: it links brokers inside one process only, and every node
/// configured here is a process of its own.
public struct TransporterSpec: Sendable, Hashable, CustomStringConvertible {
    /// The transporter family. New families are added as new static members.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private let name: String

        /// The brokerless ZeroMQ mesh (seeds, bind and advertise apply).
        public static let zeroMQ = Kind(name: "zmq")
        /// A NATS server (``TransporterSpec/servers`` lists them).
        public static let nats = Kind(name: "nats")

        public var description: String { name }
    }

    public let kind: Kind
    /// The NATS server URLs (`nats://host:port`) for ``Kind/nats``; empty otherwise.
    public let servers: [String]

    /// The ZeroMQ mesh, the default.
    public static let zeroMQ = TransporterSpec(kind: .zeroMQ, servers: [])

    /// NATS through the given servers (`nats://host:port`).
    public static func nats(_ servers: [String]) -> TransporterSpec {
        TransporterSpec(kind: .nats, servers: servers)
    }

    /// The text form: `zmq` or the comma-separated NATS URLs (credentials hidden).
    public var description: String {
        guard kind == .nats else { return kind.description }
        return servers.map { url in
            guard let at = url.lastIndex(of: "@") else { return url }
            return "nats://***" + url[at...]
        }.joined(separator: ",")
    }
}

extension TransporterSpec {
    /// Parses `zmq` or `nats://host:port[,nats://host:port...]`; `memory` is refused with the
    /// reason.
    static func parse(_ text: String) throws(ConfigProblem) -> TransporterSpec {
        switch text {
        case "zmq": return .zeroMQ
        case "memory": throw ConfigProblem(memoryRefusal)
        default: break
        }
        guard text.hasPrefix("nats://") else {
            throw ConfigProblem("\"\(text)\" is not a transporter (zmq or nats://host:port)")
        }
        var servers: [String] = []
        for url in text.commaSeparated() {
            guard url.hasPrefix("nats://") else {
                throw ConfigProblem("\"\(url)\" is not a NATS server URL (nats://host:port)")
            }
            // Credentials (`user:password@` or `token@`) stay in the URL for the transporter.
            let address = url.dropFirst("nats://".count)
            let credentials = address.lastIndex(of: "@").map { address[...$0] } ?? ""
            let endpoint: TCPEndpoint
            do {
                endpoint = try TCPEndpoint.parse("tcp://" + address.dropFirst(credentials.count), dialable: true)
            } catch {
                throw ConfigProblem("\"\(url)\" is not a NATS server URL (nats://[user:password@]host:port)")
            }
            servers.append("nats://\(credentials)\(endpoint.description.dropFirst("tcp://".count))")
        }
        return .nats(servers)
    }

    /// Why `memory` cannot name a node's transporter.
    private static let memoryRefusal = "the memory transporter only links brokers inside one process; use zmq or nats://host:port"
}
