import CZeroMQ

/// One `zmq_poll` round: what to wait on, for how long, and what to do with what is ready.
extension MeshLoop {
    private static let pollIn = Int16(ZMQ_POLLIN)
    private static let pollOut = Int16(ZMQ_POLLOUT)

    func poll() {
        let polled = Array(links.values)
        var items: [zmq_pollitem_t] = []
        items.reserveCapacity(3 + polled.count * 2)
        items.append(zmq_pollitem_t(socket: nil, fd: mailbox.wake.fd, events: Self.pollIn, revents: 0))
        items.append(zmq_pollitem_t(socket: router.handle, fd: 0, events: Self.pollIn, revents: 0))
        if let zap { items.append(zmq_pollitem_t(socket: zap.socket.handle, fd: 0, events: Self.pollIn, revents: 0)) }
        let base = items.count
        for link in polled {
            let wantsOut = link.isUp && !link.backlog.isEmpty
            items.append(zmq_pollitem_t(socket: link.socket.handle, fd: 0, events: Self.pollIn | (wantsOut ? Self.pollOut : 0), revents: 0))
            items.append(zmq_pollitem_t(socket: link.monitor.handle, fd: 0, events: Self.pollIn, revents: 0))
        }
        var timeout = timeoutMilliseconds()
        if timeout != 0, !mailbox.sleepIfIdle() { timeout = 0 }
        let ready = zmq_poll(&items, Int32(items.count), timeout)
        moreToRead = false
        guard ready > 0 else {
            afterPoll()
            return
        }
        if items[0].revents & Self.pollIn != 0 { mailbox.wake.drain() }
        if items[1].revents & Self.pollIn != 0 { readRouter() }
        if let zap, items[2].revents & Self.pollIn != 0 { zap.serve(message) }
        for (index, link) in polled.enumerated() where links[link.endpoint] === link {
            let socketItem = items[base + index * 2]
            let monitorItem = items[base + 1 + index * 2]
            if monitorItem.revents & Self.pollIn != 0 { readMonitor(link) }
            guard links[link.endpoint] === link else { continue }
            if socketItem.revents & Self.pollIn != 0 { read(link) }
            guard links[link.endpoint] === link else { continue }
            if socketItem.revents & Self.pollOut != 0 { counters.add(.droppedPackets, link.flush()) }
        }
        afterPoll()
    }

    private func afterPoll() {
        flushRouterBacklog()
        abandonStaleLinks()
    }

    /// 0 when work is pending; a short retry while the ROUTER has a backlog; the time to the
    /// next link to give up or to the flush deadline; else forever.
    private func timeoutMilliseconds() -> Int {
        if moreToRead { return 0 }
        var until: Duration? = nil
        if let stopDeadline { until = stopDeadline - .now }
        if !routerBacklog.isEmpty { until = min(until ?? .milliseconds(5), .milliseconds(5)) }
        let waiting = links.values.filter { !$0.isUp && !$0.isSeed }
        if let oldest = waiting.map(\.downSince).min() {
            let abandon = oldest + settings.abandonAfter - .now
            until = min(until ?? abandon, abandon)
        }
        guard let until else { return -1 }
        let milliseconds = until.components.seconds * 1000 + until.components.attoseconds / 1_000_000_000_000_000
        return Int(max(0, min(milliseconds + 1, 60_000)))
    }
}
