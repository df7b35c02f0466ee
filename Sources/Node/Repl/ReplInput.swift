import Foundation

/// The REPL's lines from standard input that is not a terminal (a file, a pipe): plain lines, no
/// prompt, no history. Each line is read on a queue of its own, so a blocking read never holds a
/// thread of the concurrency pool.
struct ReplInput: ReplLineSource {
    private let queue = DispatchQueue(label: "quark.repl.stdin")

    func next() async -> String? {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: readLine()) }
        }
    }
}
