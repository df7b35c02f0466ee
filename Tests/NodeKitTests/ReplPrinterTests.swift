import Broker
import NodeKit
import Testing

@Suite("REPL output: JSON, errors, tables, bench summaries")
struct ReplPrinterTests {
    @Test("JSON is indented two spaces with sorted keys; empty containers stay on one line")
    func plainJSON() {
        let text = ReplJSONFormatter(colored: false).format(["b": [1, "x"], "a": ["c": .null], "e": [:], "f": []])
        #expect(text == """
            {
              "a": {
                "c": null
              },
              "b": [
                1,
                "x"
              ],
              "e": {},
              "f": []
            }
            """)
        #expect(ReplJSONFormatter(colored: false).format("Welcome, Ada!") == "\"Welcome, Ada!\"")
    }

    @Test("on a terminal keys and values are coloured; plain output has no escape codes")
    func coloredJSON() {
        let colored = ReplJSONFormatter(colored: true).format(["name": "Ada", "n": 3, "ok": true])
        #expect(colored.contains("\u{1B}[36m\"name\"\u{1B}[0m: \u{1B}[32m\"Ada\"\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[33m3\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[35mtrue\u{1B}[0m"))
        #expect(!ReplJSONFormatter(colored: false).format(["name": "Ada"]).contains("\u{1B}"))
    }

    @Test("an error goes to standard error with its name, code, type, node and data")
    func error() {
        let capture = ReplCapture()
        let failure = BrokerError(
            code: .init("MoleculerClientError"), message: "Division by zero.", status: 422, type: "DIVISION_BY_ZERO",
            data: ["b": 0], nodeID: "worker")
        capture.printer().error(failure)
        #expect(capture.out.isEmpty)
        #expect(capture.err == """
            error: Division by zero.
              name: MoleculerClientError
              code: 422
              type: DIVISION_BY_ZERO
              nodeID: worker
              data: {
                "b": 0
              }

            """)
    }

    @Test("tables pad every column but the last to its widest cell")
    func table() {
        let capture = ReplCapture()
        capture.printer().table(["Name", "Nodes"], [["math.add", "1"], ["x", "12"]])
        #expect(capture.out == "Name      Nodes\nmath.add  1\nx         12\n")
    }

    @Test("bench summary: rate over all calls, nearest-rank percentiles in milliseconds")
    func benchSummary() {
        let latencies = (1...100).reversed().map { Int64($0) * 1_000_000 }
        let summary = ReplBenchSummary(action: "math.add", latencies: latencies, errors: 100, elapsed: .seconds(2))
        #expect(summary.requestsPerSecond == 100)
        #expect(summary.percentile(0.5) == 50)
        #expect(summary.percentile(0.99) == 99)
        #expect(summary.percentile(1) == 100)
        #expect(summary.text == """
            bench 'math.add': 200 calls in 2.0 s, 100 errors
              100 req/s; latency avg 50.5 ms, p50 50.0 ms, p90 90.0 ms, p99 99.0 ms, max 100.0 ms
            """)
        #expect(ReplBenchSummary(action: "x", latencies: [], errors: 0, elapsed: .zero).percentile(0.5) == 0)
    }
}
