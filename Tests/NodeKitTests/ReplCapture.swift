import NodeKit
import Synchronization

/// Collects what a ``ReplPrinter`` writes, standard output and standard error apart.
final class ReplCapture: Sendable {
    private let lines = Mutex<(out: String, err: String)>(("", ""))

    var out: String { lines.withLock { $0.out } }
    var err: String { lines.withLock { $0.err } }

    func printer(colored: Bool = false) -> ReplPrinter {
        ReplPrinter(
            colored: colored, output: { text in self.lines.withLock { $0.out += text } },
            errorOutput: { text in self.lines.withLock { $0.err += text } })
    }
}
