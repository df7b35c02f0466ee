import Foundation
import NodeKit

/// The mutable part of ``UpRunner``: the supervisor state and the running children.
struct UpLoop {
    /// Whether the event loop goes on.
    enum Progress { case running, finished }

    let plan: UpPlan
    let executable: URL
    let events: AsyncStream<UpEvent>.Continuation
    let output: UpOutput
    var supervisor: UpSupervisor
    var children: [String: NodeChild] = [:]

    init(plan: UpPlan, executable: URL, events: AsyncStream<UpEvent>.Continuation) {
        self.plan = plan
        self.executable = executable
        self.events = events
        self.output = UpOutput(nodeIDs: plan.nodeIDs)
        self.supervisor = UpSupervisor(nodeIDs: plan.nodeIDs)
    }

    /// Spawns node `id`; a spawn failure counts as an exit, so it is retried with backoff.
    mutating func start(_ id: String) {
        do {
            let arguments = plan.arguments(for: id)
            let child = try NodeChild.spawn(id: id, executable: executable, arguments: arguments, events: events)
            children[id] = child
            output.supervisor("started \(id) pid \(child.pid)")
        } catch {
            output.supervisor("cannot start node \(id): \(error)")
            events.yield(.exited(id: id, status: 127, signalled: false, uptime: .zero))
        }
    }

    /// Reacts to one event; delays (restarts, the SIGKILL deadline) become tasks in `timers`.
    mutating func handle(_ event: UpEvent, timers: inout DiscardingTaskGroup, gracePeriod: Duration) -> Progress {
        switch event {
        case .line(let id, let text, let isError):
            output.node(id, text, isError: isError)
            if !isError, text.hasPrefix("ready \(id) ") { return carryOut(supervisor.nodeReady(id), timers: &timers) }
        case .exited(let id, let status, let signalled, let uptime):
            children[id] = nil
            let how = signalled ? "was killed by signal \(status)" : "exited with status \(status)"
            let directives = supervisor.nodeExited(id, uptime: uptime)
            if directives.isEmpty || directives == [.finish] { output.supervisor("node \(id) \(how)") }
            return carryOut(directives, timers: &timers, reason: how)
        case .restartDue(let id):
            if supervisor.restartDue(id) { start(id) }
        case .stopRequested(let signal):
            if supervisor.isStopping { return killRemaining(reason: "second signal \(signal)") }
            let (running, directives) = supervisor.stop()
            output.supervisor("stopping \(running.count) node(s) (signal \(signal)); SIGKILL after \(Self.format(gracePeriod))")
            for id in running { children[id]?.send(SIGTERM) }
            timers.addTask { [events] in
                guard (try? await Task.sleep(for: gracePeriod)) != nil else { return }
                events.yield(.killDeadline)
            }
            return carryOut(directives, timers: &timers)
        case .killDeadline:
            return killRemaining(reason: "still running after \(Self.format(gracePeriod))")
        }
        return .running
    }

    /// Carries out the supervisor's directives; `reason` says why a node is being restarted.
    private mutating func carryOut(_ directives: [UpDirective], timers: inout DiscardingTaskGroup, reason: String = "") -> Progress {
        for directive in directives {
            switch directive {
            case .announceAllReady:
                output.plain(plan.readyLine)
                output.plain(plan.gatewayLine)
            case .restart(let id, let delay, let attempt):
                output.supervisor("node \(id) \(reason); restarting in \(Self.format(delay)) (restart \(attempt))")
                timers.addTask { [events] in
                    guard (try? await Task.sleep(for: delay)) != nil else { return }
                    events.yield(.restartDue(id: id))
                }
            case .finish:
                output.supervisor("all nodes stopped")
                return .finished
            }
        }
        return .running
    }

    /// SIGKILL to every node still running.
    private func killRemaining(reason: String) -> Progress {
        for (id, child) in children {
            output.supervisor("node \(id) \(reason); sending SIGKILL")
            child.send(SIGKILL)
        }
        return .running
    }

    /// `0.5s`, `1s`, `10s`.
    static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000)s" : "\(Double(milliseconds) / 1000)s"
    }
}
