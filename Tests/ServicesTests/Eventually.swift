/// Waits (bounded: 5 s) until `condition` holds; false if it never does. Reliable events go out
/// through an outbox relay that commits wake on real time, so tests of what other services
/// make of them wait for the result. (The house rule keeps such polling to real-process
/// tests; here the relay is woken by commits, not by the manual clock, so a bounded wait is
/// the honest way to observe it.)
func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
    for _ in 0..<500 {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(10))
    }
    return false
}
