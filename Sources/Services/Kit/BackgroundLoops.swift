import Synchronization

/// The long-running work of one service (relay, catch-up, registry watch): started in the
/// service's `started`, cancelled and awaited in its `stopped`, so nothing outlives the service.
final class BackgroundLoops: Sendable {
    private let task = Mutex<Task<Void, Never>?>(nil)

    /// Runs `loops` concurrently until ``stop()``; replaces nothing (call once per start).
    func start(_ loops: [@Sendable () async -> Void]) {
        guard !loops.isEmpty else { return }
        let started = Task {
            await withTaskGroup(of: Void.self) { group in
                for loop in loops { group.addTask { await loop() } }
            }
        }
        task.withLock { $0 = started }
    }

    /// Cancels the loops and returns when they have ended.
    func stop() async {
        guard let running = task.withLock({ state in defer { state = nil }; return state }) else { return }
        running.cancel()
        await running.value
    }
}
