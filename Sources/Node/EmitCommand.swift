import ArgumentParser
import Broker

/// `quark emit`: join the cluster, emit (or broadcast) one event.
struct EmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emit",
        abstract: "Emit one event (balanced; --broadcast for every subscriber).",
        discussion: """
            Exit codes: 0 sent, 2 bad arguments or nodes.yml, 3 no cluster reachable within --timeout.
            Example: quark emit order.created '{"id": 7}' --seeds tcp://127.0.0.1:4000
            """
    )

    @Argument(help: "The event name, e.g. order.created.")
    var event: String

    @Argument(help: "The event data as JSON (default {}).")
    var data: String?

    @Flag(help: "Deliver to every subscriber on every node instead of one per group.")
    var broadcast = false

    @Option(help: "Meta for the event as a JSON object (ctx.meta of its handlers).")
    var meta: String?

    @OptionGroup var cluster: ClusterClientOptions

    func run() async throws {
        let data = try ClusterClient.json(self.data, argument: "data")
        let options = EventOptions(meta: try ClusterClient.meta(self.meta))
        let broker = try await ClusterClient.join(cluster)
        if broadcast {
            await broker.broadcast(event, data, options: options)
        } else {
            await broker.emit(event, data, options: options)
        }
        await broker.stop()
    }
}
