@testable import Broker
import Testing

@Suite("Pure fault-tolerance state")
struct PureStateTests {
    let options = CircuitBreakerOptions(enabled: true, threshold: 0.5, windowTime: .seconds(10), minRequestCount: 4, halfOpenTime: .seconds(5))

    @Test("the breaker trips at the threshold once enough requests were seen")
    func breakerTrips() {
        var state = CircuitBreakerState()
        state.record(failed: true, now: .zero, options: options)
        state.record(failed: true, now: .zero, options: options)
        state.record(failed: false, now: .zero, options: options)
        #expect(state.phase(now: .zero, options: options) == .closed)
        state.record(failed: false, now: .zero, options: options)
        #expect(state.phase(now: .zero, options: options) == .open)
        #expect(!state.allowsCall(now: .seconds(4), options: options))
        #expect(state.phase(now: .seconds(5), options: options) == .halfOpen)
        state.record(failed: true, now: .seconds(5), options: options)
        #expect(state.phase(now: .seconds(6), options: options) == .open)
        state.record(failed: false, now: .seconds(11), options: options)
        #expect(state.phase(now: .seconds(11), options: options) == .closed)
    }

    @Test("the breaker's window restarts after windowTime")
    func breakerWindow() {
        var state = CircuitBreakerState()
        for _ in 0..<3 { state.record(failed: true, now: .zero, options: options) }
        state.record(failed: true, now: .seconds(11), options: options)
        #expect(state.phase(now: .seconds(11), options: options) == .closed)
    }

    @Test("retry backoff grows by the factor and stops at maxDelay")
    func backoff() {
        let policy = RetryPolicy(enabled: true, retries: 5, delay: .milliseconds(100), maxDelay: .milliseconds(500), factor: 2)
        #expect((1...5).map { policy.backoff(attempt: $0) } == [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(500), .milliseconds(500)])
    }

    @Test("wildcards: * within a segment, ** across, ? one character")
    func wildcards() {
        #expect(WildcardPattern("user.*").matches("user.created"))
        #expect(!WildcardPattern("user.*").matches("user.created.now"))
        #expect(WildcardPattern("user.**").matches("user.created.now"))
        #expect(!WildcardPattern("user.**").matches("user"))
        #expect(WildcardPattern("**").matches("anything.at.all"))
        #expect(WildcardPattern("us?r.created").matches("user.created"))
        #expect(WildcardPattern("*.created").matches("order.created"))
        #expect(!WildcardPattern("order.created").matches("order.createdX"))
        #expect(WildcardPattern("prices:**").matches("prices:{\"sku\":\"A1\"}"))
    }
}
