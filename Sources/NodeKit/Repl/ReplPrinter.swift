import Broker

/// Where the REPL writes: results on one sink (standard output), problems on another
/// (standard error), formatted for a terminal or plain.
public struct ReplPrinter: Sendable {
    public let formatter: ReplJSONFormatter
    private let output: @Sendable (String) -> Void
    private let errorOutput: @Sendable (String) -> Void

    /// `output` and `errorOutput` receive whole lines, newline included.
    public init(
        colored: Bool, output: @escaping @Sendable (String) -> Void, errorOutput: @escaping @Sendable (String) -> Void
    ) {
        formatter = ReplJSONFormatter(colored: colored)
        self.output = output
        self.errorOutput = errorOutput
    }

    /// One or more lines of text.
    public func line(_ text: String) {
        output(text + "\n")
    }

    /// A value, pretty-printed.
    public func json(_ value: JSON) {
        line(formatter.format(value))
    }

    /// A line the user got wrong (unknown command, bad argument).
    public func problem(_ message: String) {
        errorOutput(formatter.paint("error: \(message)", 31) + "\n")
    }

    /// A failed call: message, name, code, type, node and data.
    public func error(_ error: BrokerError) {
        var text = formatter.paint("error: \(error.message)", 31) + "\n"
        text += "  name: \(error.code.name)\n  code: \(error.status)\n"
        if let type = error.type { text += "  type: \(type)\n" }
        if let nodeID = error.nodeID { text += "  nodeID: \(nodeID)\n" }
        if let data = error.data {
            let indented = formatter.format(data).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ")
            text += "  data: \(indented)\n"
        }
        errorOutput(text)
    }

    /// Rows under a header, columns padded to their widest cell.
    public func table(_ headers: [String], _ rows: [[String]]) {
        let widths = headers.indices.map { column in
            ([headers] + rows).map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        func render(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }
        line(formatter.paint(render(headers), 1))
        for row in rows { line(render(row)) }
    }
}
