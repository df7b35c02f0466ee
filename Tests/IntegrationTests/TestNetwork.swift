import Foundation

/// Test hosts on one machine: each in its own network namespace, joined by veth pairs to a
/// bridge that also gives this (root-namespace) process an address. Created by the test and
/// removed by `tearDown`, whatever happened in between.
struct TestNetwork {
    let bridge: String
    let hostAddress: String
    let hosts: [(namespace: String, address: String)]

    /// Builds `count` hosts on 10.<a>.<b>.0/24 (chosen from the pid, so runs do not collide).
    /// Fails with a clear message where namespaces cannot be created (not root, no iproute2).
    static func create(hosts count: Int) throws -> TestNetwork {
        let tag = Int(getpid()) % 50_000
        let subnet = "10.\(100 + tag / 250).\(tag % 250)"
        let network = TestNetwork(
            bridge: "qbr\(tag)", hostAddress: "\(subnet).1",
            hosts: (1...count).map { ("quark-t\(tag)-h\($0)", "\(subnet).\(10 + $0)") })
        do {
            try ip("link", "add", network.bridge, "type", "bridge")
            try ip("addr", "add", "\(network.hostAddress)/24", "dev", network.bridge)
            try ip("link", "set", network.bridge, "up")
            for (index, host) in network.hosts.enumerated() {
                let veth = "qv\(tag)x\(index)"
                try ip("netns", "add", host.namespace)
                try ip("link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", host.namespace)
                try ip("link", "set", veth, "master", network.bridge, "up")
                try ip("-n", host.namespace, "addr", "add", "\(host.address)/24", "dev", "eth0")
                try ip("-n", host.namespace, "link", "set", "eth0", "up")
                try ip("-n", host.namespace, "link", "set", "lo", "up")
            }
        } catch {
            network.tearDown()
            throw NodeProcessError(message: "cannot create test hosts in network namespaces (root and iproute2 are needed): \(error)")
        }
        return network
    }

    func tearDown() {
        for host in hosts { try? Self.ip("netns", "del", host.namespace) }
        try? Self.ip("link", "del", bridge)
    }

    /// Runs `ip arguments...`; throws with its stderr on failure.
    static func ip(_ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/ip")
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw NodeProcessError(message: "ip \(arguments.joined(separator: " ")): \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}
