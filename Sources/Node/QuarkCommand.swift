import ArgumentParser
import Foundation

@main
struct QuarkCommand: AsyncParsableCommand {
    /// Configuration errors print one line and exit with code 2; everything else as usual.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as ConfigurationFailure {
            FileHandle.standardError.write(Data("quark: \(failure.message)\n".utf8))
            Foundation.exit(2)
        } catch let failure as CallFailure {
            FileHandle.standardError.write(Data((failure.error.wire.description + "\n").utf8))
            Foundation.exit(1)
        } catch let unreachable as ClusterUnreachable {
            FileHandle.standardError.write(Data("quark: \(unreachable.message)\n".utf8))
            Foundation.exit(3)
        } catch {
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "quark",
        abstract: "Quark: a Moleculer-style service broker for Swift, and the Quark Store.",
        discussion: """
            Examples:
              quark up                        start every node of ./nodes.yml
              quark node --id n1 --services greeter,math --bind tcp://0.0.0.0:4101
              quark call math.add '{"a": 1, "b": 2}' --seeds tcp://127.0.0.1:4101
              quark demo                      start a demo node and make a few calls
              quark bench local --json        measure local calls through the full middleware chain
            """,
        version: quarkVersionString,
        subcommands: [NodeCommand.self, UpCommand.self, CallCommand.self, EmitCommand.self, ReplCLI.self, SeedCommand.self, DemoCommand.self, BenchCommand.self]
    )
}

let quarkVersionString = "0.1.0"
