import Broker

/// One scenario's outcome, printed as a sentence or as the JSON line BENCHMARKS.md records.
struct BenchReport {
    let scenario: String
    let inflight: Int
    let result: BenchLoop.Result
    var extra: [String: JSON] = [:]
    /// A baseline measured in the same run: its name and rate; the report gives the ratio.
    var baseline: (name: String, callsPerSecond: Double)?

    var json: JSON {
        var fields: [String: JSON] = [
            "scenario": .string(scenario), "inflight": .int(inflight),
            "calls_per_sec": .int(Int(result.callsPerSecond.rounded())),
            "p50_us": .double((result.histogram.percentile(0.5) * 10).rounded() / 10),
            "p99_us": .double((result.histogram.percentile(0.99) * 10).rounded() / 10),
            "calls": .int(result.calls),
        ]
        if let baseline {
            let rate = baseline.callsPerSecond
            fields["baseline"] = .string(baseline.name)
            fields["baseline_calls_per_sec"] = .int(Int(rate.rounded()))
            fields["ratio_to_baseline"] = .double(rate > 0 ? (result.callsPerSecond / rate * 10_000).rounded() / 10_000 : 0)
        }
        fields.merge(extra) { _, new in new }
        return .object(fields)
    }

    func print(json asJSON: Bool) {
        if asJSON {
            Swift.print(json.description)
        } else {
            let rate = Int(result.callsPerSecond.rounded())
            Swift.print("\(scenario): \(rate) calls/s with \(inflight) in flight, p50 \(result.histogram.percentile(0.5)) µs, p99 \(result.histogram.percentile(0.99)) µs (\(result.calls) calls)")
            if let baseline {
                Swift.print("baseline \(baseline.name): \(Int(baseline.callsPerSecond.rounded())) calls/s")
            }
        }
    }
}
