import ArgumentParser
import Broker
import Foundation

/// `quark call`: join the cluster, call one action, print the result as JSON.
struct CallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Call one action and print its result as JSON.",
        discussion: """
            Exit codes: 0 success (result on stdout), 1 the call failed (the error as JSON on stderr),
            2 bad arguments or nodes.yml, 3 no cluster reachable within --timeout.
            Example: quark call math.add '{"a": 1, "b": 2}' --seeds tcp://127.0.0.1:4000
                     quark call users.me --meta '{"user": {"id": 1, "email": "ada@example.com", "roles": ["customer"]}}'
            """
    )

    @Argument(help: "The action, e.g. math.add or v2.posts.list.")
    var action: String

    @Argument(help: "The params as a JSON object (default {}).")
    var params: String?

    @Option(help: "Meta for the call as a JSON object, e.g. '{\"user\": {\"id\": 1}}' (ctx.meta).")
    var meta: String?

    @OptionGroup var cluster: ClusterClientOptions

    func run() async throws {
        let params = try ClusterClient.json(self.params, argument: "params")
        let meta = try ClusterClient.meta(self.meta)
        let broker = try await ClusterClient.join(cluster)
        let timeout = Duration.milliseconds(Int64(cluster.timeout * 1000))
        let service = action.split(separator: ".").dropLast().joined(separator: ".")
        do {
            try await broker.waitForServices([service], timeout: timeout)
            let result = try await broker.call(action, params, options: CallOptions(timeout: timeout, meta: meta))
            await broker.stop()
            print(result.description)
        } catch {
            await broker.stop()
            let failure = (error as? BrokerError) ?? BrokerError.wrapping(error)
            throw CallFailure(error: failure.code == .retryableError && failure.type == "WAITFOR_SERVICES"
                ? .serviceNotFound(action: action) : failure)
        }
    }
}

/// A call or emit that failed: the error as JSON on stderr, exit code 1.
struct CallFailure: Error {
    let error: BrokerError
}
