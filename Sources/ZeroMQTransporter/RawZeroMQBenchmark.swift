import Broker

/// The physical baseline of every ZeroMQ figure: DEALER/ROUTER round trips of one small message
/// with plain libzmq, no broker, no async/await. An echo ROUTER on an ephemeral port of
/// 127.0.0.1, served by its own thread, sends every message back; a DEALER on the calling thread
/// keeps `inflight` messages out (it sends that many, then one more for each reply) with
/// blocking libzmq calls, and times each message from its send to its reply.
///
/// `run` blocks its caller until the measurement ends: call it from a thread that may block.
public enum RawZeroMQBenchmark {
    /// Measures round trips of `payloadSize`-byte messages with `inflight` of them in flight.
    ///
    /// - Parameters:
    ///   - duration: measure for this long, after an unmeasured warm-up of a tenth of it.
    ///   - messages: stop after exactly this many round trips. Without `duration`, one
    ///     unmeasured round trip opens the connection first; with it, whichever limit comes
    ///     first ends the run. At least one of the two must be given.
    ///   - payloadSize: bytes per message, at least 16 (the send time and a sequence number).
    /// - Throws: `BrokerError` when libzmq fails, or when a reply is missing (none within five
    ///   seconds), out of order or altered.
    public static func run(
        inflight: Int, duration: Duration? = nil, messages: Int? = nil, payloadSize: Int = 200
    ) throws(BrokerError) -> Result {
        precondition(inflight >= 1, "inflight must be at least 1")
        precondition(duration != nil || messages != nil, "give a duration, a message count or both")
        precondition(messages.map { $0 >= 1 } ?? true, "messages must be at least 1")
        precondition(payloadSize >= RawZeroMQClient.headerSize, "payloadSize must be at least \(RawZeroMQClient.headerSize)")
        let context: ZeroMQContext
        let client: RawZeroMQClient
        do throws(ZeroMQError) {
            context = try ZeroMQContext()
        } catch {
            throw BrokerError.server("raw ZeroMQ benchmark: \(error)")
        }
        // Terminating the context ends the echo thread: its blocking receive fails with ETERM.
        defer { context.terminate() }
        do throws(ZeroMQError) {
            let endpoint = try RawZeroMQEcho.start(in: context)
            client = try RawZeroMQClient(context: context, endpoint: endpoint, inflight: inflight, payloadSize: payloadSize)
        } catch {
            throw BrokerError.server("raw ZeroMQ benchmark: \(error)")
        }
        defer { client.close() }
        let measured = try measure(client, duration: duration, messages: messages)
        return Result(
            roundTrips: measured.roundTrips, elapsed: .nanoseconds(measured.nanoseconds), latenciesNanoseconds: client.latencies.sorted())
    }

    /// The warm-up, then the measured phase.
    private static func measure(
        _ client: RawZeroMQClient, duration: Duration?, messages: Int?
    ) throws(BrokerError) -> RawZeroMQClient.Phase {
        let durationNanoseconds = duration.map { $0.components.seconds * 1_000_000_000 + $0.components.attoseconds / 1_000_000_000 }
        if let durationNanoseconds {
            _ = try client.phase(count: nil, until: RawZeroMQClient.now() + durationNanoseconds / 10)
        } else {
            _ = try client.phase(count: 1, until: nil)
        }
        client.latencies.removeAll(keepingCapacity: true)
        return try client.phase(count: messages, until: durationNanoseconds.map { RawZeroMQClient.now() + $0 })
    }
}
