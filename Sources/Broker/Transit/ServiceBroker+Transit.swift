import Logging

/// Sending packets and waiting for answers.
extension ServiceBroker {
    /// Serializes and queues a packet; failures are logged and counted, never thrown. A lost
    /// EVENT or RES is a warning (data is lost); lost control packets are debug noise.
    func send(_ packet: Packet, to target: String?) {
        do {
            try sendOrThrow(packet, to: target)
        } catch {
            notSent(packet, to: target, error: error)
        }
    }

    /// Sends an event with backpressure: while the transporter's queue is full, waits for room
    /// (real time, at most `backpressureLimit`), so a fast emitter slows to the link's pace
    /// instead of losing events; past the limit the event is dropped with a warning.
    func sendPaced(_ packet: Packet, to target: String?, backpressureLimit: Duration = .seconds(10)) async {
        let deadline = ContinuousClock.now + backpressureLimit
        var pause = Duration.microseconds(100)
        while true {
            do {
                try sendOrThrow(packet, to: target)
                return
            } catch let error as BrokerError where error.code == .queueIsFull && ContinuousClock.now < deadline {
                try? await Task.sleep(for: pause)
                pause = min(pause * 2, .milliseconds(10))
            } catch {
                notSent(packet, to: target, error: error)
                return
            }
        }
    }

    private func notSent(_ packet: Packet, to target: String?, error: any Error) {
        metrics.packetDropped()
        let metadata: Logger.Metadata = ["packet.type": "\(packet.type.rawValue)", "peer.node.id": "\(target ?? "*")", "error": "\(error)"]
        switch packet.type {
        case .event, .response: logger.warning("packet not sent", metadata: metadata)
        default: logger.debug("packet not sent", metadata: metadata)
        }
    }

    func sendOrThrow(_ packet: Packet, to target: String?) throws {
        guard let transporter else { throw BrokerError.brokerDisconnected("This broker has no transporter.") }
        let bytes = try serializer.serialize(packet)
        try transporter.send(TransportPacket(type: packet.type, target: target, payload: bytes))
        metrics.packetSent(packet.type)
    }

    /// Sends a REQ for `ctx` to its endpoint's node and waits for the RES, the deadline, the
    /// node's departure or the caller's cancellation, whichever comes first.
    func request(_ ctx: Context) async throws -> JSON {
        guard let action = ctx.action else { throw BrokerError.server("A request without an action.") }
        let deadline = ctx.deadline
        let timeoutMs = deadline.map { max(1, ($0 - clock.now).milliseconds) } ?? 0
        let packet = RequestPacket(
            sender: nodeID, id: ctx.id, action: action.name, params: ctx.params, meta: ctx.meta, timeout: Double(timeoutMs),
            level: ctx.level, tracing: nil, parentID: ctx.parentID, requestID: ctx.requestID, caller: ctx.caller, stream: false)
        let id = ctx.id
        let reply = try await withTaskCancellationHandler {
            try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<Reply, any Error>) in
                let entry = PendingRequests.Entry(nodeID: action.nodeID, action: action.name, deadline: deadline, continuation: continuation)
                pending.withLock { $0.add(id, entry) }
                if deadline != nil { signals.deadlineAdded() }
                // Cancelled before the entry was added: the cancellation handler found nothing
                // to remove, so remove it here (whoever removes it resumes it).
                if Task.isCancelled {
                    pending.withLock { $0.remove(id) }?.continuation.resume(throwing: CancellationError())
                    return
                }
                do {
                    try sendOrThrow(.request(packet), to: action.nodeID)
                } catch {
                    pending.withLock { $0.remove(id) }?.continuation.resume(throwing: BrokerError.wrapping(error, nodeID: nodeID))
                }
            }
        } onCancel: {
            pending.withLock { $0.remove(id) }?.continuation.resume(throwing: CancellationError())
        }
        ctx.mergeMeta(reply.meta)
        return reply.data
    }

    /// Fails the calls whose deadline has passed with RequestTimeoutError.
    func expireDeadlines() {
        let expired = pending.withLock { $0.expire(now: clock.now) }
        for (_, entry) in expired {
            entry.continuation.resume(throwing: BrokerError.requestTimeout(action: entry.action, nodeID: entry.nodeID))
        }
    }

    /// Fails fast every call waiting on a node that left (retryable, so a retry can go elsewhere).
    func rejectPending(of target: String?, error makeError: (String, String) -> BrokerError) {
        let entries = pending.withLock { $0.removeAll(nodeID: target) }
        for entry in entries { entry.continuation.resume(throwing: makeError(entry.action, entry.nodeID)) }
    }
}
