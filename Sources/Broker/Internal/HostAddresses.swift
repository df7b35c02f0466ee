#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The machine's IPv4 addresses as Moleculer's `getIpList` gives them: the first IPv4 address
/// of each interface; the external (non-loopback) ones, or the loopback ones when there are none.
enum HostAddresses {
    /// One IPv4 address of an interface, in the order the system lists them.
    struct Entry: Equatable {
        var interface: String
        var address: String
        var isLoopback: Bool
    }

    /// Reads the interfaces with `getifaddrs`; empty when they cannot be read.
    static func ipList() -> [String] {
        select(readEntries())
    }

    /// The pure rule: first address per interface, external ones preferred.
    static func select(_ entries: [Entry]) -> [String] {
        var seen: Set<String> = []
        var external: [String] = [], loopback: [String] = []
        for entry in entries where seen.insert(entry.interface).inserted {
            if entry.isLoopback { loopback.append(entry.address) } else { external.append(entry.address) }
        }
        return external.isEmpty ? loopback : external
    }

    private static func readEntries() -> [Entry] {
        var head: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&head) == 0, let first = head else { return [] }
        defer { freeifaddrs(head) }
        var entries: [Entry] = []
        for node in sequence(first: first, next: { $0.pointee.ifa_next }) {
            let item = node.pointee
            guard let socketAddress = item.ifa_addr, socketAddress.pointee.sa_family == sa_family_t(AF_INET) else { continue }
            let address = socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Self.dotted($0.pointee.sin_addr) }
            entries.append(Entry(
                interface: String(cString: item.ifa_name), address: address,
                isLoopback: item.ifa_flags & UInt32(IFF_LOOPBACK) != 0))
        }
        return entries
    }

    /// `a.b.c.d` from an address in network byte order.
    private static func dotted(_ address: in_addr) -> String {
        withUnsafeBytes(of: address.s_addr) { bytes in bytes.map { String($0) }.joined(separator: ".") }
    }
}
