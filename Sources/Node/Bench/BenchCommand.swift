import ArgumentParser

/// `quark bench <scenario>`: the benchmark scenarios, each printing one JSON line with `--json`.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run a benchmark scenario (build with -c release).",
        discussion: "Example: quark bench local --json",
        subcommands: [
            LocalBenchCommand.self, HubBenchCommand.self, RemoteBenchCommand.self, EventsBenchCommand.self, RawZeroMQBenchCommand.self,
            RawNATSBenchCommand.self, CheckoutBenchCommand.self,
        ]
    )
}

/// Options every scenario shares.
struct BenchOptions: ParsableArguments {
    @Option(help: "How long to measure, in seconds (after a warm-up of a tenth of it).")
    var seconds: Double = 3

    @Option(help: "Calls kept in flight at once.")
    var inflight: Int = 1

    @Option(help: "Make exactly this many calls per in-flight loop instead of running for --seconds (for callgrind).")
    var calls: Int?

    @Flag(help: "Print one JSON object instead of a sentence.")
    var json = false
}
