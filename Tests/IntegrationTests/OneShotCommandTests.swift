import Broker
import Foundation
import Testing
import ZeroMQTransporter

/// `quark call` and `quark emit` against a real node process.
@Suite("quark call and emit", .timeLimit(.minutes(2)))
struct OneShotCommandTests {
    @Test("call prints the result as JSON and exits 0; a failed call prints the error as JSON and exits 1")
    func call() async throws {
        let worker = try await WorkerNode.start()
        defer { worker.stop() }
        let node = worker.node
        let sum = try await QuarkProcess.run(["call", "math.add", #"{"a": 20, "b": 22}"#, "--seeds", node.endpoint])
        #expect(sum.status == 0, "stderr: \(sum.stderr)")
        #expect(sum.stdout == "42\n")
        let welcome = try await QuarkProcess.run(["call", "greeter.welcome", #"{"name": "Ada"}"#, "--seeds", node.endpoint])
        #expect(welcome.stdout == "\"Welcome, Ada!\"\n")
        let failed = try await QuarkProcess.run(["call", "math.div", #"{"a": 1, "b": 0}"#, "--seeds", node.endpoint])
        #expect(failed.status == 1)
        let error = try JSONParser.parse(failed.stderr.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(error["type"] == "DIVISION_BY_ZERO")
        #expect(error["code"] == 422)
        let invalid = try await QuarkProcess.run(["call", "greeter.welcome", "{}", "--seeds", node.endpoint])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("VALIDATION_ERROR"))
        let missing = try await QuarkProcess.run(["call", "nope.nothing", "--seeds", node.endpoint, "--timeout", "1"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("SERVICE_NOT_FOUND"))
    }

    @Test("bad JSON is exit 2; no cluster within the timeout is exit 3")
    func failures() async throws {
        let badJSON = try await QuarkProcess.run(["call", "math.add", "{a: 1}", "--seeds", "tcp://127.0.0.1:9"])
        #expect(badJSON.status == 2)
        #expect(badJSON.stderr.hasPrefix("quark: params: not valid JSON"))
        let nobody = try await QuarkProcess.run(["call", "math.add", "--seeds", "tcp://127.0.0.1:\(freePort())", "--timeout", "1"])
        #expect(nobody.status == 3)
        #expect(nobody.stderr.contains("no cluster reachable"))
        let emitNobody = try await QuarkProcess.run(["emit", "x.y", "--seeds", "tcp://127.0.0.1:\(freePort())", "--timeout", "1"])
        #expect(emitNobody.status == 3)
        let noNATS = try await QuarkProcess.run(["call", "math.add", "--transporter", "nats://127.0.0.1:\(freePort())", "--timeout", "1"])
        #expect(noNATS.status == 3)
        #expect(noNATS.stderr.contains("no cluster reachable at nats://127.0.0.1:"), "stderr: \(noNATS.stderr)")
        let badNATS = try await QuarkProcess.run(["call", "math.add", "--transporter", "nats://127.0.0.1:http"])
        #expect(badNATS.status == 2)
        #expect(badNATS.stderr.hasPrefix("quark: --transporter: \"nats://127.0.0.1:http\" is not a NATS server URL"), "stderr: \(badNATS.stderr)")
    }

    @Test("--meta gives the call and the event their ctx.meta; a meta that is not an object is exit 2")
    func meta() async throws {
        let seen = Recorder<JSON>()
        let probe = ServiceSchema(
            name: "probe", actions: [ActionSchema("meta") { ctx in .object(ctx.meta) }],
            events: [EventSchema("probe.ping") { ctx in seen.record(.object(ctx.meta)) }])
        var mesh = ZeroMQOptions(bind: "tcp://127.0.0.1:0")
        mesh.logger.logLevel = .error
        var configuration = BrokerConfiguration(nodeID: "probe-node", transporter: ZeroMQTransporter(options: mesh))
        configuration.logger.logLevel = .error
        let node = ServiceBroker(configuration)
        try await node.createService(probe)
        try await node.start()
        let endpoint = try #require((configuration.transporter as? ZeroMQTransporter)?.advertisedEndpoint)
        let user = #"{"user": {"id": 7, "email": "ada@example.com", "roles": ["customer"]}}"#
        let call = try await QuarkProcess.run(["call", "probe.meta", "--meta", user, "--seeds", endpoint])
        #expect(call.status == 0, "stderr: \(call.stderr)")
        #expect(try JSONParser.parse(call.stdout)["user"]?["id"] == 7)
        let emit = try await QuarkProcess.run(["emit", "probe.ping", "--meta", user, "--seeds", endpoint])
        #expect(emit.status == 0, "stderr: \(emit.stderr)")
        #expect(await seen.next().first?["user"]?["email"] == "ada@example.com")
        let bad = try await QuarkProcess.run(["call", "probe.meta", "--meta", "[1]", "--seeds", endpoint])
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("quark: --meta: expected a JSON object"))
        await node.stop()
    }

    @Test("emit reaches the cluster and exits 0")
    func emit() async throws {
        let worker = try await WorkerNode.start()
        defer { worker.stop() }
        let node = worker.node
        let outcome = try await QuarkProcess.run(["emit", "user.created", #"{"id": 1}"#, "--seeds", node.endpoint])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let broadcast = try await QuarkProcess.run(["emit", "cache.clear", "--broadcast", "--seeds", node.endpoint])
        #expect(broadcast.status == 0)
    }
}
