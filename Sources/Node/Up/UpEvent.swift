/// Something `quark up`'s event loop reacts to; produced by child processes, timers and signals.
enum UpEvent: Sendable {
    /// A line a node wrote on standard output (`isError == false`) or standard error.
    case line(id: String, text: String, isError: Bool)
    /// A node's process exited with `status` (`signalled`: killed by signal `status`).
    case exited(id: String, status: Int32, signalled: Bool, uptime: Duration)
    /// A node's restart delay ran out.
    case restartDue(id: String)
    /// SIGTERM or SIGINT arrived.
    case stopRequested(signal: Int32)
    /// The grace period after SIGTERM is over: SIGKILL whatever still runs.
    case killDeadline
}
