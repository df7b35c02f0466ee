import Foundation
import Broker
import Testing

// The README's "Embedding the broker" example, verbatim: it must compile and work as written.

struct AddParams: Decodable, Sendable {
    let a: Int
    let b: Int
}

func runExample() async throws -> Int {
    let math = ServiceSchema(name: "math", actions: [
        // Params schema inferred from AddParams: {a: "number|integer", b: "number|integer"}.
        ActionSchema("add", rest: "POST /math/add") { (ctx: Context, p: AddParams) -> Int in
            p.a + p.b
        },
    ])
    let greeter = ServiceSchema(name: "greeter", events: [
        EventSchema("user.created") { ctx in
            ctx.broker.logger.info("welcome", metadata: ["user": "\(ctx.params["name"] ?? "?")"])
        },
    ])

    let hub = InMemoryHub()
    let node1 = ServiceBroker(BrokerConfiguration(nodeID: "node-1", transporter: hub.transporter()))
    let node2 = ServiceBroker(BrokerConfiguration(nodeID: "node-2", transporter: hub.transporter()))
    try await node1.createService(math)
    try await node2.createService(greeter)
    try await node1.start()
    try await node2.start()
    try await node2.waitForServices(["math"], timeout: .seconds(5))

    let sum = try await node2.call("math.add", ["a": 1, "b": 2], as: Int.self)   // runs on node-1
    await node1.emit("user.created", ["name": "Ada"])                         // handled on node-2

    await node2.stop()
    await node1.stop()
    return sum
}

struct AuditMiddleware: BrokerMiddleware {
    func wrapLocalAction(_ next: @escaping ActionHandler, action: ActionDefinition) -> ActionHandler {
        { ctx in
            ctx.broker.logger.debug("call", metadata: ["action.name": "\(action.name)"])
            return try await next(ctx)
        }
    }
}

@Suite("README examples", .timeLimit(.minutes(1)))
struct ReadmeExampleTests {
    @Test("the embedding example runs with real time and returns 3")
    func embedding() async throws {
        #expect(try await runExample() == 3)
    }

    @Test("the README shows this file's example and middleware exactly as they are compiled here")
    func readmeMatches() throws {
        let here = URL(fileURLWithPath: #filePath)
        let readme = try String(contentsOf: here.deletingLastPathComponent().appendingPathComponent("../../README.md").standardized, encoding: .utf8)
        let source = try String(contentsOf: here, encoding: .utf8)
        func between(_ text: String, _ start: String, _ end: String) -> String? {
            guard let from = text.range(of: start), let to = text.range(of: end, range: from.upperBound..<text.endIndex) else { return nil }
            return String(text[from.lowerBound..<to.upperBound])
        }
        let example = try #require(between(source, "struct AddParams", "    return sum\n}"))
        #expect(readme.contains(example))
        let middleware = try #require(between(source, "struct AuditMiddleware", "\n    }\n}"))
        #expect(readme.contains(middleware))
    }

    @Test("a user middleware wraps local actions")
    func middleware() async throws {
        var configuration = BrokerConfiguration(nodeID: "mw")
        configuration.middlewares = [AuditMiddleware(), CountingMiddleware()]
        let broker = ServiceBroker(configuration)
        try await broker.createService(ServiceSchema(name: "x", actions: [ActionSchema("y") { ctx in ctx.locals["count"] ?? .null }]))
        try await broker.start()
        #expect(try await broker.call("x.y") == 1)
        await broker.stop()
    }
}

/// Proves user middlewares run: marks the context before the handler sees it.
struct CountingMiddleware: BrokerMiddleware {
    func wrapLocalAction(_ next: @escaping ActionHandler, action: ActionDefinition) -> ActionHandler {
        { ctx in
            ctx.locals["count"] = 1
            return try await next(ctx)
        }
    }
}
