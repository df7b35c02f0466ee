import Broker
import Foundation
import Testing

/// A Quark node and MoleculerPy 0.14.22 nodes on one real nats-server (docs/PROTOCOL.md;
/// MoleculerPy's quirks are listed in Tests/Interop/README.md).
@Suite("MoleculerPy interop over NATS", .serialized, .timeLimit(.minutes(5)))
struct MoleculerPyInteropTests {
    /// Quark's services: `quark.echo` → {params, meta}; `quark.fail` → a custom error;
    /// listeners recording "<service>:<event>:<data>".
    private static func services(_ recorder: Recorder<String>) -> [ServiceSchema] {
        let record: @Sendable (String) -> EventHandler = { service in
            { ctx in recorder.record("\(service):\(ctx.eventName ?? "?"):\(ctx.params)") }
        }
        return [
            ServiceSchema(name: "quark", actions: [
                ActionSchema("echo") { ctx in ["params": ctx.params, "meta": .object(ctx.meta)] },
                ActionSchema("fail") { _ in
                    throw BrokerError(
                        code: .init("OutOfStockError"), message: "none left", status: 409, type: "OUT_OF_STOCK", data: ["sku": "A-1", "left": 0])
                },
            ]),
            ServiceSchema(name: "qa", events: [
                EventSchema("quark.notify", handler: record("qa")), EventSchema("quark.all", handler: record("qa")),
                EventSchema("shared.balanced", handler: record("qa")),
            ]),
            ServiceSchema(name: "qb", events: [EventSchema("quark.notify", handler: record("qb"))]),
        ]
    }

    private static func nodeIDs(_ list: JSON) -> Set<String> {
        Set(list.arrayValue?.compactMap { $0["id"]?.stringValue } ?? [])
    }

    @Test("services seen both ways; calls keep params, meta, results and errors both ways; $node.list lists both")
    func callsBothWays() async throws {
        let server = try await NATSServerProcess()
        let python = try await MoleculerPyEnvironment.startNode("py-1", server: server)
        defer { python.stop() }
        let quark = try await MoleculerPyEnvironment.quarkBroker("quark-1", server: server, services: Self.services(Recorder()))
        try await quark.waitForServices(["py", "pyaudit"], timeout: .seconds(20))

        let meta: [String: JSON] = ["user": ["id": 7, "roles": ["admin"]], "trace": "t-1"]
        let echoed = try await quark.call("py.echo", ["sku": "A-1", "qty": 2, "price": 9.5, "tags": ["x"]], options: CallOptions(meta: meta))
        #expect(echoed["params"] == ["sku": "A-1", "qty": 2, "price": 9.5, "tags": ["x"]])
        #expect(echoed["meta"]?["user"] == ["id": 7, "roles": ["admin"]] && echoed["meta"]?["trace"] == "t-1")
        #expect(try await quark.call("py.add", ["a": 2, "b": 40]) == 42)

        let pyError = await #expect(throws: BrokerError.self) { try await quark.call("py.fail") }
        #expect(pyError?.code.name == "MoleculerClientError")
        #expect(pyError?.status == 422 && pyError?.type == "PY_FAILED" && pyError?.data == ["reason": "asked to"])

        // Python calls Quark (it must have discovered quark-1's services first).
        var fromPython: JSON = .null
        for _ in 0..<100 {
            fromPython = try await quark.call("py.callQuark", ["action": "quark.echo", "params": ["n": 1, "s": "é"], "meta": ["m": "v"]])
            if fromPython["error"] == nil { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(fromPython["params"] == ["n": 1, "s": "é"])
        #expect(fromPython["meta"]?["m"] == "v")
        let failed = try await quark.call("py.callQuark", ["action": "quark.fail", "params": [:]])
        let wire = failed["wireError"]
        #expect(wire?["name"] == "OutOfStockError" && wire?["code"] == 409 && wire?["type"] == "OUT_OF_STOCK")
        #expect(wire?["data"] == ["sku": "A-1", "left": 0])
        #expect(failed["error"]?["code"] == 409 && failed["error"]?["type"] == "OUT_OF_STOCK")

        #expect(Self.nodeIDs(try await quark.call("$node.list")).isSuperset(of: ["quark-1", "py-1"]))
        #expect(Self.nodeIDs(try await quark.call("py.nodes")).isSuperset(of: ["quark-1", "py-1"]))
        await quark.stop()
        #expect(python.stop() == 0)
        server.stop()
    }

    @Test("balanced events with groups and broadcasts are delivered both ways")
    func eventsBothWays() async throws {
        let server = try await NATSServerProcess()
        let python = try await MoleculerPyEnvironment.startNode("py-1", server: server)
        defer { python.stop() }
        let recorder = Recorder<String>()
        let quark = try await MoleculerPyEnvironment.quarkBroker("quark-1", server: server, services: Self.services(recorder))
        try await quark.waitForServices(["py", "pyaudit"], timeout: .seconds(20))
        try await waitUntilPythonSees(["qa", "qb"], quark: quark)

        // Quark → Python: a balanced event reaches the group of each service (MoleculerPy runs
        // the first handler of the name: `py`), and Quark's own group once.
        await quark.emit("shared.balanced", ["n": 1])
        #expect(await recorder.next(1) == ["qa:shared.balanced:{\"n\":1}"])
        await quark.broadcast("quark.hello", ["hi": true])
        let received = try await pollPython(quark) { $0.count >= 2 }
        #expect(received.contains { $0["event"] == "shared.balanced" && $0["data"] == ["n": 1] && $0["group"] == "py" && $0["broadcast"] == false })
        #expect(received.contains { $0["event"] == "quark.hello" && $0["data"] == ["hi": true] && $0["broadcast"] == true })

        // Python → Quark: a balanced emit reaches each of Quark's groups once; a broadcast arrives once.
        _ = try await quark.call("py.emit", ["event": "quark.notify", "data": ["from": "py"]])
        let notified = await recorder.next(2)
        #expect(Set(notified) == ["qa:quark.notify:{\"from\":\"py\"}", "qb:quark.notify:{\"from\":\"py\"}"])
        _ = try await quark.call("py.broadcast", ["event": "quark.all", "data": [1, 2]])
        #expect(await recorder.next(1) == ["qa:quark.all:[1,2]"])
        await quark.stop()
        server.stop()
    }

    @Test("a MoleculerPy node that stops (DISCONNECT) or is killed (heartbeat timeout) leaves Quark's registry")
    func pythonLeaves() async throws {
        let server = try await NATSServerProcess()
        let stopping = try await MoleculerPyEnvironment.startNode("py-stop", server: server)
        let killed = try await MoleculerPyEnvironment.startNode("py-kill", server: server)
        defer { stopping.stop(); killed.stop() }
        let quark = try await MoleculerPyEnvironment.quarkBroker("quark-1", server: server, services: [])
        try await quark.waitForNodes(["py-stop", "py-kill"], timeout: .seconds(20))

        #expect(stopping.stop(signal: SIGTERM) == 0)
        #expect(try await waitUntilQuarkLacks("py-stop", quark: quark, within: .seconds(3)), "DISCONNECT removes it at once")
        killed.stop(signal: SIGKILL)
        #expect(try await waitUntilQuarkLacks("py-kill", quark: quark, within: .seconds(10)), "heartbeat timeout (3 s) removes it")
        await quark.stop()
        server.stop()
    }

    @Test("a Quark node that stops or is killed leaves MoleculerPy's registry")
    func quarkLeaves() async throws {
        let server = try await NATSServerProcess()
        let python = try await MoleculerPyEnvironment.startNode("py-1", server: server)
        defer { python.stop() }
        let observer = try await MoleculerPyEnvironment.quarkBroker("observer", server: server, services: [])
        try await observer.waitForServices(["py"], timeout: .seconds(20))
        let stopping = try await MoleculerPyEnvironment.quarkBroker("quark-stop", server: server, services: [])
        let process = try await Self.quarkNodeProcess("quark-kill", server: server)
        defer { process.stop(signal: SIGKILL) }
        #expect(try await pollNodes(observer) { $0.isSuperset(of: ["quark-stop", "quark-kill", "observer"]) })

        await stopping.stop()
        #expect(try await pollNodes(observer, within: .seconds(3)) { !$0.contains("quark-stop") }, "DISCONNECT removes it at once")
        process.stop(signal: SIGKILL)
        #expect(try await pollNodes(observer, within: .seconds(12)) { !$0.contains("quark-kill") }, "heartbeat timeout removes it")
        await observer.stop()
        server.stop()
    }

    /// `quark node` as a process on NATS, heartbeating every second.
    private static func quarkNodeProcess(_ id: String, server: NATSServerProcess) async throws -> NodeProcess {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = directory.appendingPathComponent("nodes.yml").path
        try """
            transporter: \(server.url)
            heartbeat:
              interval: 1s
              timeout: 3s
            nodes:
              - id: \(id)
                port: \(freePort())
                services: [math]
            """.write(toFile: config, atomically: true, encoding: .utf8)
        return try await NodeProcess(config: config, id: id, port: 0)
    }

    private func pollPython(_ quark: ServiceBroker, until condition: ([JSON]) -> Bool) async throws -> [JSON] {
        var received: [JSON] = []
        for _ in 0..<100 {
            received = try await quark.call("py.received").arrayValue ?? []
            if condition(received) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        return received
    }

    private func waitUntilPythonSees(_ services: Set<String>, quark: ServiceBroker) async throws {
        _ = try await pollNodes(quark) { _ in true }
        for _ in 0..<100 {
            let list = try await quark.call("py.nodes", ["withServices": true])
            let names = Set((list.arrayValue ?? []).flatMap { $0["services"]?.arrayValue ?? [] }.compactMap { $0["name"]?.stringValue })
            if names.isSuperset(of: services) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Polls MoleculerPy's `$node.list` (through `py.nodes`) until `condition` holds.
    private func pollNodes(_ quark: ServiceBroker, within: Duration = .seconds(20), until condition: (Set<String>) -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + within
        repeat {
            if condition(Self.nodeIDs(try await quark.call("py.nodes"))) { return true }
            try await Task.sleep(for: .milliseconds(100))
        } while ContinuousClock.now < deadline
        return false
    }

    private func waitUntilQuarkLacks(_ nodeID: String, quark: ServiceBroker, within: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now + within
        repeat {
            let nodes = try await quark.call("$node.list", ["onlyAvailable": true])
            if !Self.nodeIDs(nodes).contains(nodeID) { return true }
            try await Task.sleep(for: .milliseconds(100))
        } while ContinuousClock.now < deadline
        return false
    }
}
