/// PING / PONG: measuring the round trip to other nodes (feeds the Latency strategy).
extension ServiceBroker {
    /// Pings a node and returns the round-trip time; throws RequestTimeoutError after `timeout`.
    public func ping(_ target: String, timeout: Duration = .seconds(2)) async throws -> Duration {
        let id = "ping:" + ids.next()
        let start = clock.now
        _ = try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<Reply, any Error>) in
            pending.withLock { $0.add(id, PendingRequests.Entry(nodeID: target, action: "$ping", deadline: start + timeout, continuation: continuation)) }
            signals.deadlineAdded()
            do {
                try sendOrThrow(.ping(PingPacket(sender: nodeID, id: id, time: WallClock.milliseconds)), to: target)
            } catch {
                pending.withLock { $0.remove(id) }?.continuation.resume(throwing: BrokerError.wrapping(error, nodeID: nodeID))
            }
        }
        let elapsed = clock.now - start
        registry.withLock { $0.updateLatency(target, latency: elapsed) }
        return elapsed
    }

    /// Pings every available remote node; a node that does not answer in time is left out.
    public func pingAll(timeout: Duration = .seconds(2)) async -> [String: Duration] {
        let targets = registry.withLock { $0.availableNodes }.filter { !$0.isLocal }.map(\.id)
        return await withTaskGroup(of: (String, Duration?).self) { group in
            for target in targets { group.addTask { (target, try? await self.ping(target, timeout: timeout)) } }
            var results: [String: Duration] = [:]
            for await (target, elapsed) in group { if let elapsed { results[target] = elapsed } }
            return results
        }
    }

    func resolvePing(_ pong: PongPacket) {
        guard let entry = pending.withLock({ $0.remove(pong.id, ifFrom: pong.sender) }) else { return }
        entry.continuation.resume(returning: Reply(data: ["time": .double(pong.time), "arrived": .double(pong.arrived)], meta: [:]))
    }
}
