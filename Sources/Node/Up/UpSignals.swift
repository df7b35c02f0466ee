import Foundation

/// SIGTERM and SIGINT turned into calls of a handler (DispatchSource signal sources), for as
/// long as the value is kept; ``cancel()`` restores the default actions.
struct UpSignals {
    private let sources: [any DispatchSourceSignal]
    private let signals: [Int32]

    /// Traps `signals`, calling `handler` with the signal number on a background queue.
    init(_ signals: [Int32], handler: @escaping @Sendable (Int32) -> Void) {
        self.signals = signals
        self.sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { handler(number) }
            source.resume()
            return source
        }
    }

    /// Stops trapping: cancels the sources and restores the default actions.
    func cancel() {
        for source in sources { source.cancel() }
        for number in signals { signal(number, SIG_DFL) }
    }
}
