/// How long `bench` runs: a number of calls or a duration. After parsing exactly one is set;
/// with neither flag, five seconds (as moleculer-repl).
public struct ReplBenchOptions: Sendable, Equatable {
    /// `--num n`: make this many calls.
    public var count: Int?
    /// `--time s`: call for this long.
    public var duration: Duration?

    public init(count: Int? = nil, duration: Duration? = nil) {
        self.count = count
        self.duration = duration
    }
}
