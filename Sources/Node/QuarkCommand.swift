import ArgumentParser

@main
struct QuarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quark",
        abstract: "Quark: a Moleculer-style service broker for Swift, and the Quark Store.",
        discussion: """
            Examples:
              quark demo                      start a demo node and make a few calls
              quark bench local --json        measure local calls through the full middleware chain
            """,
        version: quarkVersionString,
        subcommands: [DemoCommand.self, BenchCommand.self]
    )
}

let quarkVersionString = "0.1.0"
