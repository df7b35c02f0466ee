/// How a node writes its log lines.
public enum LogFormat: String, Sendable, CaseIterable {
    /// One human-readable line per entry.
    case text
    /// One JSON object per line, for log collectors.
    case json
}
