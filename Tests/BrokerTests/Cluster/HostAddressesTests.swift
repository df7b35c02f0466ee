@testable import Broker
import Testing

@Suite("The node's IP list (Moleculer's getIpList)")
struct HostAddressesTests {
    private typealias Entry = HostAddresses.Entry

    @Test("the first IPv4 address of each external interface; loopback left out")
    func external() {
        let entries = [
            Entry(interface: "lo", address: "127.0.0.1", isLoopback: true),
            Entry(interface: "eth0", address: "10.0.0.5", isLoopback: false),
            Entry(interface: "eth0", address: "10.0.0.6", isLoopback: false),
            Entry(interface: "wlan0", address: "192.168.1.20", isLoopback: false),
        ]
        #expect(HostAddresses.select(entries) == ["10.0.0.5", "192.168.1.20"])
    }

    @Test("only loopback interfaces: their addresses")
    func loopbackOnly() {
        let entries = [
            Entry(interface: "lo", address: "127.0.0.1", isLoopback: true),
            Entry(interface: "lo", address: "127.0.0.2", isLoopback: true),
        ]
        #expect(HostAddresses.select(entries) == ["127.0.0.1"])
        #expect(HostAddresses.select([]) == [])
    }
}
