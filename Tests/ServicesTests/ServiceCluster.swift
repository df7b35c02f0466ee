import Broker
import BrokerTesting

/// Runs `body` with a client broker that reaches `services` on a second node over an
/// in-memory hub, so every call and result also crosses the wire; stops both afterwards.
func withServices(_ services: [ServiceSchema], _ body: (ServiceBroker) async throws -> Void) async throws {
    let cluster = try await TestCluster(["client": [], "node": services])
    try await cluster.start()
    do {
        try await body(cluster["client"])
    } catch {
        await cluster.stop()
        throw error
    }
    await cluster.stop()
}
