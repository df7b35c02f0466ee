import ArgumentParser
import Foundation
import NodeKit

/// `quark repl`: join the cluster as a node without services and run moleculer-repl commands.
struct ReplCLI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Join the cluster and run commands interactively (call, emit, nodes, bench, ...).",
        discussion: """
            On a terminal: a prompt with line editing, history in ~/.quark_history (Up, Down),
            Tab completion of commands and of the cluster's actions and events, coloured JSON;
            Ctrl-C discards the line, Ctrl-D leaves. With standard input from a file or pipe:
            one command per line, plain output, exit 0 at the end.
            Type 'help' for the commands. Exit codes: 0 done, 2 bad options or nodes.yml, 3 no
            cluster reachable within --timeout.
            Examples:
              quark repl --seeds tcp://127.0.0.1:4101
              printf 'call math.add --a 1 --b 2\\nnodes\\n' | quark repl --config nodes.yml
            """
    )

    @OptionGroup var cluster: ClusterClientOptions

    func run() async throws {
        NodeLogging.bootstrap(level: .error, format: .text)
        let broker = try await ClusterClient.join(cluster, nodeID: "repl-\(getpid())")
        let interactive = isatty(STDIN_FILENO) == 1
        let colored = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let printer = ReplPrinter(
            colored: colored,
            output: { FileHandle.standardOutput.write(Data($0.utf8)) },
            errorOutput: { FileHandle.standardError.write(Data($0.utf8)) })
        let executor = ReplExecutor(broker: broker, printer: printer)
        if interactive {
            printer.line("Connected to the cluster as \(broker.nodeID). Type 'help' for the commands, 'quit' to leave.")
        }
        let input: any ReplLineSource =
            interactive
            ? ReplLineEditor(
                prompt: printer.formatter.paint("quark>", 1) + " ", history: ReplHistoryFile(path: Self.historyPath),
                completions: { await executor.completer() })
            : ReplInput()
        while let line = await input.next() {
            guard await executor.run(line) else { break }
        }
        await broker.stop()
    }

    private static var historyPath: String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        return home + "/.quark_history"
    }
}
