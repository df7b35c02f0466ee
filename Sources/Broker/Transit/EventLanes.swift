/// Incoming EVENT packets on their way to the local handlers, kept in the order each sender
/// sent them. Pure bookkeeping; the broker runs the tasks it is told to start.
///
/// Packets first enter the intake, in arrival order; one intake task at a time decodes them and
/// puts each event in its sender's lane; one lane task per sender handles that sender's events
/// one after another. So events from one node are handled in the order it sent them (the next
/// starts when the previous one's handlers have returned), while a slow handler holds up only
/// the events of its own sender.
struct EventLanes {
    private var intake: [TransportPacket] = []
    private var intakeRunning = false
    private var lanes: [String: Lane] = [:]

    /// One sender's waiting events; `head` is the next one (no O(n) removal from the front).
    private struct Lane {
        var events: [EventPacket]
        var head = 0
    }

    /// Queues a packet; true when the caller must start the intake task.
    mutating func accept(_ packet: TransportPacket) -> Bool {
        intake.append(packet)
        guard !intakeRunning else { return false }
        intakeRunning = true
        return true
    }

    /// The packets waiting in the intake; nil (and the intake task ends) when there are none.
    mutating func takeIntake() -> [TransportPacket]? {
        guard !intake.isEmpty else {
            intakeRunning = false
            return nil
        }
        defer { intake = [] }
        return intake
    }

    /// Puts an event in its sender's lane; true when the caller must start that lane's task.
    mutating func enqueue(_ event: EventPacket) -> Bool {
        if lanes[event.sender] != nil {
            lanes[event.sender]?.events.append(event)
            return false
        }
        lanes[event.sender] = Lane(events: [event])
        return true
    }

    /// The next event of `sender`'s lane; nil (and the lane is closed) when it is empty.
    mutating func next(of sender: String) -> EventPacket? {
        guard var lane = lanes.removeValue(forKey: sender), lane.head < lane.events.count else { return nil }
        let event = lane.events[lane.head]
        lane.head += 1
        if lane.head == lane.events.count {
            lane.events.removeAll(keepingCapacity: true)
            lane.head = 0
        }
        lanes[sender] = lane
        return event
    }
}
