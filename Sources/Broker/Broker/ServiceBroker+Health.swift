/// What `$node.health` reports, in the shape of Moleculer's `getHealthStatus`.
extension ServiceBroker {
    /// How long `$node.health` watches the CPU to measure its utilization.
    static let utilizationWindow = Duration.milliseconds(100)

    func health() async -> JSON {
        let utilization = await CPUUsageSampler.utilization(over: Self.utilizationWindow)
        let load = ProcessInfoLite.loadAverages
        let memory = (try? readProcFile("/proc/meminfo")).map(Self.parseMeminfo) ?? [:]
        return [
            "nodeID": .string(nodeID), "instanceID": .string(instanceID),
            "cpu": [
                "load1": load.map { .double($0.load1) } ?? .null, "load5": load.map { .double($0.load5) } ?? .null,
                "load15": load.map { .double($0.load15) } ?? .null, "cores": .int(ProcessInfoLite.cores),
                "utilization": utilization.map(JSON.double) ?? .null,
            ],
            "mem": .object(memory),
            "os": ["hostname": .string(ProcessInfoLite.hostname), "uptime": .double(ProcessInfoLite.uptimeSeconds)],
            "process": ["pid": .int(Int(ProcessInfoLite.pid)), "uptime": .double(Double(clock.now.milliseconds) / 1000)],
            "client": ["type": "swift", "version": .string(quarkVersion), "langVersion": "6"],
            "net": ["ip": .array(ipList.map(JSON.string))],
            "time": ["now": .double(WallClock.milliseconds)],
        ]
    }

    private static func parseMeminfo(_ text: String) -> [String: JSON] {
        var values: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 2, let kb = Int(parts[1]) else { continue }
            values[String(parts[0].dropLast())] = kb * 1024
        }
        let total = values["MemTotal"] ?? 0, free = values["MemAvailable"] ?? 0
        return ["total": .int(total), "free": .int(free), "percent": .double(total > 0 ? Double(free) * 100 / Double(total) : 0)]
    }
}
