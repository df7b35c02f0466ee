import ArgumentParser
import Broker
import Foundation
import NATSTransporter
import Synchronization

/// `quark bench raw-nats`: the transport floor of the NATS scenarios. Two NATS transporters in
/// this process, no broker and no async/await: the echo side answers each packet from its
/// receive callback, and the caller sends the next packet from its own receive callback, so a
/// round trip is the NATS client, the server and the event loops only.
struct RawNATSBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "raw-nats",
        abstract: "Packet round trips through a nats-server with Quark's NATS client, no broker (the transport floor).",
        discussion: "Example: quark bench raw-nats --nats nats://127.0.0.1:4222 --inflight 100 --json"
    )

    @OptionGroup var options: BenchOptions

    @Option(help: "The NATS server to go through.")
    var nats = "nats://127.0.0.1:4222"

    func run() async throws {
        let result = try await Self.measure(nats: nats, inflight: options.inflight, seconds: options.seconds)
        BenchReport(scenario: "raw-nats", inflight: options.inflight, result: result).print(json: options.json)
    }

    /// `inflight` 200-byte packets kept going back and forth for `seconds`.
    static func measure(nats: String, inflight: Int, seconds: Double) async throws -> BenchLoop.Result {
        var natsOptions = try NATSOptions(urls: [nats])
        natsOptions.logger.logLevel = .error
        let echo = NATSTransporter(options: natsOptions)
        let caller = NATSTransporter(options: natsOptions)
        let payload = [UInt8](repeating: UInt8(ascii: "x"), count: 200)
        try await echo.connect(nodeID: "raw-echo-\(getpid())", namespace: "raw") { batch in
            for _ in batch { try? echo.send(TransportPacket(type: .response, target: "raw-caller-\(getpid())", payload: payload)) }
        }
        let state = Mutex(RawState())
        let end = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        let done = AsyncStream<Void>.makeStream()
        try await caller.connect(nodeID: "raw-caller-\(getpid())", namespace: "raw") { batch in
            let now = ContinuousClock.now
            let more = state.withLock { state in state.completed(batch.count, at: now) }
            guard now < end else { return done.continuation.finish() }
            for _ in 0..<more { try? caller.send(TransportPacket(type: .request, target: "raw-echo-\(getpid())", payload: payload)) }
        }
        try await Task.sleep(for: .milliseconds(300))
        let start = ContinuousClock.now
        state.withLock { $0.start(inflight: inflight, at: start) }
        for _ in 0..<inflight { try caller.send(TransportPacket(type: .request, target: "raw-echo-\(getpid())", payload: payload)) }
        for await _ in done.stream {}
        let result = state.withLock { BenchLoop.Result(calls: $0.calls, elapsed: ContinuousClock.now - start, histogram: $0.histogram) }
        await caller.disconnect()
        await echo.disconnect()
        return result
    }
}

/// Round trips counted by the caller's receive callback; latency = time since the packet that
/// the answer replaces was sent (the packets are interchangeable, so oldest first).
private struct RawState {
    var calls = 0
    var sentAt: [ContinuousClock.Instant] = []
    var histogram = LatencyHistogram()

    mutating func start(inflight: Int, at now: ContinuousClock.Instant) {
        sentAt = Array(repeating: now, count: inflight)
    }

    /// Records `count` answers; returns how many packets to send next.
    mutating func completed(_ count: Int, at now: ContinuousClock.Instant) -> Int {
        guard !sentAt.isEmpty else { return 0 }
        for _ in 0..<count {
            let sent = sentAt.removeFirst()
            let (seconds, attoseconds) = (now - sent).components
            histogram.record(nanoseconds: seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
            sentAt.append(now)
        }
        calls += count
        return count
    }
}
