import Testing
@testable import ZeroMQTransporter

@Suite("ZeroMQ endpoints")
struct ZeroMQEndpointTests {
    @Test("connectable tcp endpoints pass", arguments: [
        "tcp://127.0.0.1:4100", "tcp://10.0.0.5:1", "tcp://node-1.example.com:65535", "tcp://localhost:4100", "tcp://[::1]:4100",
        "tcp://[fe80::1]:9",
    ])
    func valid(_ text: String) throws {
        let endpoint = try #require(ZeroMQEndpoint(text))
        #expect(endpoint.description == text)
    }

    @Test("anything else is refused", arguments: [
        "", "tcp://", "tcp://host", "tcp://host:", "tcp://:4100", "tcp://host:0", "tcp://host:65536", "tcp://host:99999999",
        "tcp://host:+1", "tcp://host:4100/path", "tcp://*:4100", "tcp://0.0.0.0:4100", "tcp://[::]:4100", "ipc:///tmp/x",
        "udp://host:1", "TCP://host:1", "tcp://a b:1", "tcp://1.2.3.4:1;5.6.7.8:2", "tcp://256.1.1.1:1", "tcp://1.2.3:1",
        "tcp://-host:1", "tcp://host-:1", "tcp://ho_st:1", "tcp://hôst:1", "tcp://host..com:1", "tcp://[zz::1]:1",
        "tcp://255.255.255.255:1", "tcp://" + String(repeating: "a", count: 64) + ":1", "tcp://host:1\n",
    ])
    func invalid(_ text: String) {
        #expect(ZeroMQEndpoint(text) == nil)
    }

    @Test("bind endpoints accept wildcards and an ephemeral port")
    func binding() throws {
        #expect(ZeroMQEndpoint(binding: "tcp://0.0.0.0:4100")?.isWildcard == true)
        #expect(ZeroMQEndpoint(binding: "tcp://*:*")?.port == 0)
        #expect(ZeroMQEndpoint(binding: "tcp://127.0.0.1:0")?.port == 0)
        #expect(ZeroMQEndpoint(binding: "tcp://127.0.0.1:70000") == nil)
        #expect(ZeroMQEndpoint(binding: "ipc:///tmp/x") == nil)
    }
}
