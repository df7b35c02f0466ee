/// The machine's CPU usage in percent since the previous sample, from `/proc/stat` (Linux).
/// Sent in HEARTBEAT for the CpuUsage strategy; nil where `/proc/stat` is not readable.
struct CPUUsageSampler {
    private var previous: (busy: UInt64, total: UInt64)?

    mutating func sample() -> Double? {
        guard let current = Self.read() else { return nil }
        defer { previous = current }
        guard let previous, current.total > previous.total else { return nil }
        let busy = Double(current.busy - min(previous.busy, current.busy))
        return (busy / Double(current.total - previous.total) * 1000).rounded() / 10
    }

    /// The machine's CPU usage in percent over `window` of real time (two samples); nil where
    /// `/proc/stat` is not readable.
    static func utilization(over window: Duration) async -> Double? {
        var sampler = CPUUsageSampler()
        _ = sampler.sample()
        do { try await Task.sleep(for: window) } catch { return nil }
        return sampler.sample()
    }

    private static func read() -> (busy: UInt64, total: UInt64)? {
        guard let text = try? readProcFile("/proc/stat"), let line = text.split(separator: "\n").first, line.hasPrefix("cpu ") else {
            return nil
        }
        let values = line.split(separator: " ").dropFirst().compactMap { UInt64($0) }
        guard values.count >= 4 else { return nil }
        let idle = values[3] + (values.count > 4 ? values[4] : 0)
        let total = values.reduce(0, +)
        return (total - idle, total)
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Reads a small file (procfs) without Foundation.
func readProcFile(_ path: String) throws -> String {
    guard let file = fopen(path, "r") else { throw BrokerError.server("Cannot open \(path).") }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes.append(contentsOf: buffer[0..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
}
