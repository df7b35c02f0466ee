import Synchronization

/// Counts the work a stopping broker waits for: requests from peers, event lanes and event
/// handlers. Beginning and ending are one atomic operation each; only reaching zero wakes
/// whoever waits.
final class InFlightCounter: Sendable {
    private let count = Atomic<Int>(0)
    private let waiters = WakeUpList()

    var value: Int { count.load(ordering: .acquiring) }

    func begin() {
        count.add(1, ordering: .acquiringAndReleasing)
    }

    func end() {
        guard count.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 else { return }
        waiters.wakeAll()
    }

    /// Returns once nothing is in flight, or after `timeout` on `clock`; true when drained.
    func drained(timeout: Duration, clock: any BrokerClock) async -> Bool {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForZero() }
            group.addTask { try? await clock.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
        return value == 0
    }

    private func waitForZero() async {
        while value != 0, !Task.isCancelled {
            await waiters.wait { self.value == 0 }
        }
    }
}
