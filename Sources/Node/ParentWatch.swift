import Foundation
import Logging
import ServiceLifecycle

/// Stops a node whose supervising `quark up` is gone. `quark up` names itself in
/// `QUARK_PARENT_PID`; when the node's parent changes (it was killed, even with SIGKILL, and the
/// node was handed to init), the watch returns and the group shuts down gracefully.
struct ParentWatch: ServiceLifecycle.Service {
    static let environmentKey = "QUARK_PARENT_PID"

    let parent: pid_t
    let logger: Logger

    /// The watch for this process, when a supervisor asked for one.
    static func fromEnvironment(logger: Logger) -> ParentWatch? {
        guard let text = ProcessInfo.processInfo.environment[environmentKey], let parent = pid_t(text), parent > 1 else { return nil }
        return ParentWatch(parent: parent, logger: logger)
    }

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            if getppid() != parent {
                logger.warning("quark up is gone; stopping", metadata: ["parent.pid": "\(parent)"])
                return
            }
            try? await Task.sleep(for: .milliseconds(250))
        }
    }
}
