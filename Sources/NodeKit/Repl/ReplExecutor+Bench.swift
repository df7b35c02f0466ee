import Broker

/// `bench <action> [params] [--num n | --time s]`: sequential calls, one in flight, without
/// retries (a failing call counts as an error at once).
extension ReplExecutor {
    func bench(_ command: ReplCommand) async {
        let action = command.name ?? ""
        var options = command.callOptions
        options.retries = 0
        let clock = ContinuousClock()
        let start = clock.now
        let end = command.bench.duration.map { start + $0 }
        let count = command.bench.count ?? .max
        var latencies: [Int64] = []
        var errors = 0
        var firstError: BrokerError?
        while latencies.count + errors < count, end.map({ clock.now < $0 }) ?? true {
            let before = clock.now
            do {
                _ = try await broker.call(action, command.params, options: options)
                let (seconds, attoseconds) = (clock.now - before).components
                latencies.append(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
            } catch {
                errors += 1
                if firstError == nil { firstError = (error as? BrokerError) ?? .wrapping(error) }
            }
        }
        if let firstError { printer.error(firstError) }
        printer.line(ReplBenchSummary(action: action, latencies: latencies, errors: errors, elapsed: clock.now - start).text)
    }
}
