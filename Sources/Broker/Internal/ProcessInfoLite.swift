#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Host facts without Foundation's ProcessInfo (kept out of the hot start-up path).
enum ProcessInfoLite {
    static var hostname: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static var pid: Int32 { getpid() }

    static var cores: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    static var uptimeSeconds: Double {
        guard let text = try? readProcFile("/proc/uptime"), let first = text.split(separator: " ").first else { return 0 }
        return Double(first) ?? 0
    }

    /// The 1, 5 and 15 minute load averages from `/proc/loadavg`; nil where it is not readable.
    static var loadAverages: (load1: Double, load5: Double, load15: Double)? {
        guard let text = try? readProcFile("/proc/loadavg") else { return nil }
        let values = text.split(separator: " ").prefix(3).compactMap { Double($0) }
        guard values.count == 3 else { return nil }
        return (values[0], values[1], values[2])
    }
}
