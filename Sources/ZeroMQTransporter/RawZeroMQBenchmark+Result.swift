extension RawZeroMQBenchmark {
    /// What one run measured (the warm-up excluded).
    public struct Result: Sendable {
        /// Messages sent and received back, each checked.
        public var roundTrips: Int
        /// From the first send to the last reply.
        public var elapsed: Duration
        /// Send→reply time of every round trip, in nanoseconds, ascending (8 bytes a round trip:
        /// about 12 MB for 3 s at 500 k/s).
        public var latenciesNanoseconds: [Int64]

        public var roundTripsPerSecond: Double {
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return seconds > 0 ? Double(roundTrips) / seconds : 0
        }

        /// The latency below which `fraction` (0...1) of the round trips fall (nearest rank);
        /// zero without samples.
        public func latency(at fraction: Double) -> Duration {
            guard !latenciesNanoseconds.isEmpty else { return .zero }
            let rank = max(1, Int((Double(latenciesNanoseconds.count) * fraction).rounded(.up)))
            return .nanoseconds(latenciesNanoseconds[min(rank, latenciesNanoseconds.count) - 1])
        }
    }
}
