import Broker
import NodeKit
import Testing

@Suite("REPL: commands run against a broker")
struct ReplExecutorTests {
    /// A started single-node broker with a `math` service, and an executor printing into a capture.
    func session() async throws -> (ServiceBroker, ReplExecutor, ReplCapture) {
        var configuration = BrokerConfiguration(nodeID: "repl-test")
        configuration.lifecycle.stopDelay = .zero
        configuration.logger.logLevel = .critical
        let broker = ServiceBroker(configuration)
        try await broker.createService(ServiceSchema(name: "math", actions: [
            ActionSchema("add") { ctx in .int((ctx.params["a"]?.intValue ?? 0) + (ctx.params["b"]?.intValue ?? 0)) },
            ActionSchema("div") { ctx in
                guard let b = ctx.params["b"]?.intValue, b != 0 else {
                    throw BrokerError.client("Division by zero.", status: 422, type: "DIVISION_BY_ZERO", data: ctx.params)
                }
                return .int((ctx.params["a"]?.intValue ?? 0) / b)
            },
        ]))
        try await broker.start()
        let capture = ReplCapture()
        return (broker, ReplExecutor(broker: broker, printer: capture.printer()), capture)
    }

    @Test("call prints the result; a failed call prints the error and the session goes on")
    func call() async throws {
        let (broker, repl, capture) = try await session()
        #expect(await repl.run("call math.add --a 1 --b 2"))
        #expect(await repl.run(#"dcall repl-test math.add {"a": 40, "b": 2}"#))
        #expect(await repl.run("call math.div --a 1 --b 0"))
        #expect(await repl.run("call nope.nothing"))
        #expect(capture.out == "3\n42\n")
        #expect(capture.err.contains("type: DIVISION_BY_ZERO"))
        #expect(capture.err.contains("code: 422"))
        #expect(capture.err.contains("name: ServiceNotFoundError"))
        await broker.stop()
    }

    @Test("unknown commands and bad arguments are one-line problems; blank lines do nothing; quit ends")
    func problems() async throws {
        let (broker, repl, capture) = try await session()
        #expect(await repl.run("not-a-command"))
        #expect(await repl.run("   "))
        #expect(await repl.run("call"))
        #expect(capture.err.hasPrefix("error: unknown command 'not-a-command'"))
        #expect(capture.err.contains("call: missing action name"))
        #expect(capture.out.isEmpty)
        #expect(await repl.run("quit") == false)
        #expect(await repl.run("q") == false)
        await broker.stop()
    }

    @Test("listings: services without internal ones, actions by filter, details as JSON")
    func listings() async throws {
        let (broker, repl, capture) = try await session()
        _ = await repl.run("services -i")
        #expect(capture.out.contains("math"))
        #expect(!capture.out.contains("$node"))
        _ = await repl.run("actions -f math.d*")
        #expect(capture.out.contains("math.div"))
        #expect(!capture.out.contains("math.add"))
        _ = await repl.run("nodes -d")
        #expect(capture.out.contains(#""id": "repl-test""#))
        await broker.stop()
    }

    @Test("bench makes the asked number of calls and prints the rate and percentiles")
    func bench() async throws {
        let (broker, repl, capture) = try await session()
        _ = await repl.run(#"bench math.add {"a": 1, "b": 2} --num 25"#)
        #expect(capture.out.contains("bench 'math.add': 25 calls in"))
        #expect(capture.out.contains("req/s; latency avg"))
        _ = await repl.run(#"bench math.div {"a": 1, "b": 0} --num 3"#)
        #expect(capture.out.contains("3 calls in"))
        #expect(capture.out.contains("3 errors"))
        #expect(capture.err.contains("DIVISION_BY_ZERO"))
        await broker.stop()
    }

    @Test("listener add prints events as they arrive; remove silences them; list shows the active ones")
    func listener() async throws {
        let (broker, repl, capture) = try await session()
        _ = await repl.run("listener add user.created")
        _ = await repl.run("listener list")
        await broker.emit("user.created", ["id": 7])
        #expect(capture.out.contains("listening to 'user.created'\nuser.created\n"))
        #expect(capture.out.contains(">> event 'user.created' from node repl-test\n{\n  \"id\": 7\n}"))
        _ = await repl.run("listener remove user.created")
        await broker.emit("user.created", ["id": 8])
        #expect(!capture.out.contains("\"id\": 8"))
        _ = await repl.run("listener remove user.created")
        #expect(capture.err.contains("not listening to 'user.created'"))
        _ = await repl.run("listener add user.created")
        await broker.emit("user.created", ["id": 9])
        #expect(capture.out.contains("\"id\": 9"))
        await broker.stop()
    }
}
