import Foundation
import NodeKit

/// The shell of `quark up`: spawns the node processes, prints their prefixed output, and
/// carries out what ``UpSupervisor`` decides on each event (restart, announce, stop).
/// Everything happens in one event loop; timers are child tasks of its task group.
struct UpRunner {
    let plan: UpPlan
    /// The `quark` executable the nodes run (this process's own binary).
    let executable: URL
    /// How long nodes get to stop after SIGTERM before SIGKILL.
    var gracePeriod: Duration = .seconds(10)

    /// Runs until SIGTERM or SIGINT and every node has exited.
    func run() async {
        let (events, continuation) = AsyncStream.makeStream(of: UpEvent.self)
        let signals = UpSignals([SIGTERM, SIGINT]) { continuation.yield(.stopRequested(signal: $0)) }
        defer { signals.cancel() }
        var loop = UpLoop(plan: plan, executable: executable, events: continuation)
        await withDiscardingTaskGroup { group in
            for id in plan.nodeIDs { loop.start(id) }
            for await event in events {
                if loop.handle(event, timers: &group, gracePeriod: gracePeriod) == .finished { break }
            }
            group.cancelAll()
        }
        continuation.finish()
    }
}
