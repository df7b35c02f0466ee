import NodeKit
import Testing

@Suite("quark up supervisor (pure state)")
struct UpSupervisorTests {
    @Test("restart delays start at 0.5s and double up to 10s")
    func backoffSequence() {
        let backoff = RestartBackoff()
        let delays = (0..<8).map { backoff.delay(attempt: $0) }
        #expect(delays == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(10), .seconds(10), .seconds(10)])
    }

    @Test("the all-ready directive comes once, when the last node is ready")
    func readiness() {
        var supervisor = UpSupervisor(nodeIDs: ["a", "b"])
        let afterA = supervisor.nodeReady("a")
        #expect(afterA.isEmpty)
        #expect(!supervisor.allReady)
        let afterB = supervisor.nodeReady("b")
        #expect(afterB == [.announceAllReady])
        #expect(supervisor.allReady)
        let duplicate = supervisor.nodeReady("b")
        #expect(duplicate.isEmpty)
        _ = supervisor.nodeExited("b", uptime: .seconds(1))
        let restarted = supervisor.restartDue("b")
        #expect(restarted)
        let afterRestart = supervisor.nodeReady("b")
        #expect(afterRestart.isEmpty, "the all-ready line is printed once")
    }

    @Test("consecutive crashes back off; a node that ran long enough starts over at 0.5s")
    func restartDecisions() {
        var supervisor = UpSupervisor(nodeIDs: ["a"], stableAfter: .seconds(30))
        var directives: [[UpDirective]] = []
        for uptime in [Duration.seconds(1), .seconds(1), .seconds(2), .seconds(60)] {
            directives.append(supervisor.nodeExited("a", uptime: uptime))
            #expect(supervisor.states["a"] == .waitingToRestart)
            let again = supervisor.nodeExited("a", uptime: .zero)
            #expect(again.isEmpty, "a node waiting for its restart cannot exit again")
            let restarted = supervisor.restartDue("a")
            #expect(restarted)
            #expect(supervisor.states["a"] == .starting)
        }
        #expect(directives == [
            [.restart(id: "a", delay: .milliseconds(500), attempt: 1)],
            [.restart(id: "a", delay: .seconds(1), attempt: 2)],
            [.restart(id: "a", delay: .seconds(2), attempt: 3)],
            [.restart(id: "a", delay: .milliseconds(500), attempt: 1)],
        ])
    }

    @Test("stopping cancels pending restarts and finishes when the last node exits")
    func stopping() {
        var supervisor = UpSupervisor(nodeIDs: ["a", "b", "c"])
        _ = supervisor.nodeReady("a")
        _ = supervisor.nodeExited("c", uptime: .seconds(1))
        let (running, directives) = supervisor.stop()
        #expect(running == ["a", "b"])
        #expect(directives.isEmpty)
        let restarted = supervisor.restartDue("c")
        #expect(!restarted, "no restart once stopping")
        let afterA = supervisor.nodeExited("a", uptime: .seconds(5))
        #expect(afterA.isEmpty)
        let afterB = supervisor.nodeExited("b", uptime: .seconds(5))
        #expect(afterB == [.finish])
        #expect(supervisor.states.values.allSatisfy { $0 == .stopped })
    }

    @Test("stopping with nothing running finishes at once")
    func stopIdle() {
        var supervisor = UpSupervisor(nodeIDs: ["a"])
        _ = supervisor.nodeExited("a", uptime: .zero)
        #expect(supervisor.stop().directives == [.finish])
    }
}
