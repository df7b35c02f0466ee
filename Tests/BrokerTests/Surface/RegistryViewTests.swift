import Broker
import BrokerTesting
import Services
import Testing

@Suite("The typed registry view and its changes", .timeLimit(.minutes(1)))
struct RegistryViewTests {
    @Test("nodes, services, actions with params and routes, and event groups, as the peer knows them")
    func view() async throws {
        let audit = ServiceSchema(name: "audit", events: [EventSchema("order.*", group: "compliance") { _ in }])
        let cluster = try await TestCluster(["a": [], "b": [MathService.schema(), audit]])
        try await cluster.start()
        let view = cluster["a"].registryView()
        #expect(view.nodes.map(\.id) == ["a", "b"])
        #expect(view.nodes.first { $0.id == "b" }?.available == true)
        let math = try #require(view.services.first { $0.fullName == "math" })
        #expect(math.nodes == ["b"])
        #expect(!math.isLocal)
        let add = try #require(view.action("math.add"))
        #expect(add.service == "math")
        #expect(add.params?.json == ["a": "number", "b": "number"])
        #expect(add.definition.visibility == .published)
        #expect(add.nodes == ["b"])
        let event = try #require(view.events.first { $0.name == "order.*" })
        #expect(event.group == "compliance")
        #expect(event.services == ["audit"])
        #expect(event.nodes == ["b"])
        #expect(view.action("$node.list")?.hasLocal == true)
        await cluster.stop()
    }

    @Test("registryChanges gives the view now, then again when a service appears or a node leaves")
    func changes() async throws {
        let cluster = try await TestCluster(["a": [], "b": []])
        try await cluster.start()
        var changes = cluster["a"].registryChanges.makeAsyncIterator()
        let first = try #require(await changes.next())
        #expect(first.action("late.hello") == nil)
        try await cluster["b"].createService(ServiceSchema(name: "late", actions: [ActionSchema("hello") { _ in "hi" }]))
        var view = try #require(await changes.next())
        while view.action("late.hello") == nil { view = try #require(await changes.next()) }
        #expect(view.action("late.hello")?.nodes == ["b"])
        await cluster["b"].stop()
        while view.nodes.first(where: { $0.id == "b" })?.available == true { view = try #require(await changes.next()) }
        #expect(view.action("late.hello") == nil)
        await cluster["a"].stop()
    }
}
