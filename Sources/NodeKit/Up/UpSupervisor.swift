/// The pure state of `quark up`: which nodes run, which are ready, how often each was restarted
/// and whether the whole set is stopping. It does no I/O; each event returns the directives
/// the shell carries out, so the rules are tested synchronously.
public struct UpSupervisor: Sendable {
    /// Where one node is in its life.
    public enum NodeState: Sendable, Equatable {
        /// Spawned; its `ready` line has not arrived yet.
        case starting
        /// It printed its `ready` line.
        case ready
        /// It exited; a restart is scheduled.
        case waitingToRestart
        /// It exited and will not be started again (the supervisor is stopping).
        case stopped
    }

    /// The node ids, in nodes.yml order.
    public let nodeIDs: [String]
    /// The restart delays.
    public let backoff: RestartBackoff
    /// A node that ran at least this long before exiting restarts with the initial delay again.
    public let stableAfter: Duration
    public private(set) var states: [String: NodeState]
    /// Consecutive restarts per node, reset once a node has run for `stableAfter`.
    public private(set) var restarts: [String: Int]
    /// Whether the all-ready line was printed (it is printed once).
    public private(set) var hasAnnouncedReady = false
    /// Whether SIGTERM or SIGINT arrived.
    public private(set) var isStopping = false

    public init(nodeIDs: [String], backoff: RestartBackoff = RestartBackoff(), stableAfter: Duration = .seconds(30)) {
        self.nodeIDs = nodeIDs
        self.backoff = backoff
        self.stableAfter = stableAfter
        self.states = Dictionary(uniqueKeysWithValues: nodeIDs.map { ($0, .starting) })
        self.restarts = Dictionary(uniqueKeysWithValues: nodeIDs.map { ($0, 0) })
    }

    /// Whether every node has printed its `ready` line.
    public var allReady: Bool {
        nodeIDs.allSatisfy { states[$0] == .ready }
    }

    /// Whether a process for node `id` may be running (started or ready).
    public func isRunning(_ id: String) -> Bool {
        states[id] == .starting || states[id] == .ready
    }

    /// Node `id` printed its `ready` line.
    public mutating func nodeReady(_ id: String) -> [UpDirective] {
        guard states[id] == .starting else { return [] }
        states[id] = .ready
        guard allReady, !hasAnnouncedReady, !isStopping else { return [] }
        hasAnnouncedReady = true
        return [.announceAllReady]
    }

    /// Node `id`'s process exited after running for `uptime`.
    public mutating func nodeExited(_ id: String, uptime: Duration) -> [UpDirective] {
        guard isRunning(id) else { return [] }
        if isStopping {
            states[id] = .stopped
            return nodeIDs.contains(where: isRunning) ? [] : [.finish]
        }
        if uptime >= stableAfter { restarts[id] = 0 }
        let attempt = restarts[id, default: 0]
        restarts[id] = attempt + 1
        states[id] = .waitingToRestart
        return [.restart(id: id, delay: backoff.delay(attempt: attempt), attempt: attempt + 1)]
    }

    /// The shell is starting node `id` again (its delay ran out). Returns `false` when it must
    /// not: the supervisor is stopping, or the node is not waiting.
    public mutating func restartDue(_ id: String) -> Bool {
        guard !isStopping, states[id] == .waitingToRestart else { return false }
        states[id] = .starting
        return true
    }

    /// SIGTERM or SIGINT: no more restarts. Returns the nodes whose processes must be told to
    /// stop, and `.finish` when none is running.
    public mutating func stop() -> (running: [String], directives: [UpDirective]) {
        isStopping = true
        for id in nodeIDs where states[id] == .waitingToRestart { states[id] = .stopped }
        let running = nodeIDs.filter(isRunning)
        return (running, running.isEmpty ? [.finish] : [])
    }
}
