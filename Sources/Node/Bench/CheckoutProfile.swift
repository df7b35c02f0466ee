import Foundation
import Broker

/// Where a checkout's time goes, from every node's `$node.metrics` after a run: per store
/// action, the calls, the mean time in its handler (on the node that ran it) and the mean
/// time its callers waited (on the calling nodes, for calls that crossed to another node);
/// the difference is what the trip between nodes cost. Sorted by total handler time.
struct CheckoutProfile {
    struct Row {
        var action: String
        var calls = 0
        var handlerMeanUs = 0.0
        var callerCalls = 0
        var callerMeanUs = 0.0

        var json: JSON {
            var fields: JSON = ["action": .string(action), "calls": .int(calls), "handler_mean_us": .double(handlerMeanUs.roundedToTenths)]
            if callerCalls > 0 { fields["caller_mean_us"] = .double(callerMeanUs.roundedToTenths) }
            return fields
        }
    }

    var rows: [Row] = []

    /// Reads the metrics of `nodes` through `client`.
    init(client: ServiceBroker, nodes: [String]) async throws {
        var byAction: [String: Row] = [:]
        for node in nodes {
            let snapshot = try await client.call("$node.metrics", options: CallOptions(nodeID: node))
            for entry in snapshot["requests"]?.arrayValue ?? [] {
                guard let action = entry["action"]?.stringValue, !action.hasPrefix("$"), let calls = entry["total"]?.intValue, calls > 0 else { continue }
                let mean = entry["latency"]?["meanUs"]?.doubleValue ?? 0
                var row = byAction[action] ?? Row(action: action)
                if entry["side"] == "local" {
                    row.handlerMeanUs = (row.handlerMeanUs * Double(row.calls) + mean * Double(calls)) / Double(row.calls + calls)
                    row.calls += calls
                } else {
                    row.callerMeanUs = (row.callerMeanUs * Double(row.callerCalls) + mean * Double(calls)) / Double(row.callerCalls + calls)
                    row.callerCalls += calls
                }
                byAction[action] = row
            }
        }
        rows = byAction.values.sorted { $0.handlerMeanUs * Double($0.calls) > $1.handlerMeanUs * Double($1.calls) }
    }

    var json: JSON { .array(rows.map(\.json)) }

    /// A text table, for the report without `--json`.
    var table: String {
        let header = "action".padding(toLength: 24, withPad: " ", startingAt: 0) + "      calls   handler µs    caller µs"
        return ([header] + rows.map { row in
            row.action.padding(toLength: 24, withPad: " ", startingAt: 0) + String(row.calls).leftPadded(11)
                + String(format: "%.1f", row.handlerMeanUs).leftPadded(13)
                + (row.callerCalls > 0 ? String(format: "%.1f", row.callerMeanUs) : "-").leftPadded(13)
        }).joined(separator: "\n")
    }
}

extension Double {
    var roundedToTenths: Double { (self * 10).rounded() / 10 }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
