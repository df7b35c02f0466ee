import NodeKit
import Testing

@Suite("quark up plan")
struct UpPlanTests {
    static func file(gateway: Bool) throws -> NodesFile {
        let yaml = """
            nodes:
              - id: front
                port: 4100
            \(gateway ? "    http: 8080" : "    services: [greeter]")
              - id: back
                port: 4101
                services: [math, greeter]
            """
        return try NodesFile.parse(text: yaml, file: "cluster.yml", knownServices: ["greeter", "math"])
    }

    @Test("each node runs quark node with the same file and its own id; --data prefixes its data directory")
    func arguments() throws {
        let file = try Self.file(gateway: true)
        #expect(UpPlan(file: file, dataRoot: nil).arguments(for: "back") == ["node", "--config", "cluster.yml", "--id", "back"])
        #expect(
            UpPlan(file: file, dataRoot: "/tmp/q/").arguments(for: "front")
                == ["node", "--config", "cluster.yml", "--id", "front", "--data", "/tmp/q/front"])
    }

    @Test("the ready line lists the services once each, and the gateway line names the http node")
    func readyLines() throws {
        let plan = UpPlan(file: try Self.file(gateway: true), dataRoot: nil)
        #expect(plan.readyLine == "quark up: all 2 nodes ready (services: math, greeter)")
        #expect(plan.gatewayLine.hasPrefix("gateway: http://127.0.0.1:8080/api "))
        let noGateway = UpPlan(file: try Self.file(gateway: false), dataRoot: nil)
        #expect(noGateway.readyLine == "quark up: all 2 nodes ready (services: greeter, math)")
        #expect(noGateway.gatewayLine == "gateway: none yet (no node has an http port)")
    }
}
