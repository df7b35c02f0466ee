import ArgumentParser
import Foundation
import NodeKit
import Services

/// `quark up`: validates nodes.yml, then runs every node of it as a child `quark node` process,
/// restarting those that exit, until SIGTERM or Ctrl-C.
struct UpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up",
        abstract: "Start every node of nodes.yml as child processes and keep them running.",
        discussion: """
            Validates the whole file first: a bad file is a one-line error, exit
            code 2, and nothing is started. Each node runs as
            "quark node --config <file> --id <id>", its output lines prefixed with
            its id. Once every node printed its ready line, prints
            "quark up: all N nodes ready (services: ...)" and the gateway URL.
            An empty data directory is first seeded with the demo store (tier S;
            the admin login is printed once). A node that exits is restarted
            after 0.5s, doubling up to 10s.
            SIGTERM or Ctrl-C stops every node (SIGKILL after 10s) and exits 0.
            Examples:
              quark up                                    (./nodes.yml)
              quark up --config cluster.yml --data /var/lib/quark
            """
    )

    @Option(help: "The nodes.yml to run.")
    var config: String = "nodes.yml"
    @Option(help: "A directory for the nodes' data: each node gets <DIR>/<id> instead of its nodes.yml data.")
    var data: String?

    func run() async throws {
        let file: NodesFile
        do {
            file = try NodesFile.load(path: config, knownServices: Set(ServiceCatalog.names))
        } catch {
            throw ConfigurationFailure(error.description)
        }
        if StoreSeeding.isEmpty(file, root: data), StoreSeeding.seeded.allSatisfy({ name in file.nodes.contains { $0.services.contains(name) } }) {
            // Written straight to the descriptor: the lines must come before the nodes' output.
            let say: @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data("[up] \($0)\n".utf8)) }
            let summary = try await StoreSeeding.seed(file, root: data, tier: .small, adminPassword: StoreSeeding.newPassword()) { say("seed \($0)") }
            for line in StoreSeeding.describe(summary, tier: .small).split(separator: "\n") { say(String(line)) }
        }
        let plan = UpPlan(file: file, dataRoot: data)
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        await UpRunner(plan: plan, executable: executable).run()
    }
}
