/// The answer to a request: the callee's result and final meta.
struct Reply: Sendable {
    var data: JSON
    var meta: [String: JSON]
}

/// Remote calls waiting for their RES, their deadline, their node's departure or their caller's
/// cancellation. Pure bookkeeping; the broker resumes the continuations it hands back.
struct PendingRequests {
    struct Entry {
        let nodeID: String
        let action: String
        let deadline: Duration?
        /// Unchecked (no allocation per call): it is resumed exactly once, by whoever removes
        /// the entry from `PendingRequests` under the broker's lock.
        let continuation: UnsafeContinuation<Reply, any Error>
    }

    private(set) var entries: [String: Entry] = [:]
    private(set) var deadlineCount = 0

    mutating func add(_ id: String, _ entry: Entry) {
        entries[id] = entry
        if entry.deadline != nil { deadlineCount += 1 }
    }

    mutating func remove(_ id: String) -> Entry? {
        guard let entry = entries.removeValue(forKey: id) else { return nil }
        if entry.deadline != nil { deadlineCount -= 1 }
        return entry
    }

    /// Removes the entry only when `sender` is the node it waits on: a peer cannot answer for
    /// another node.
    mutating func remove(_ id: String, ifFrom sender: String) -> Entry? {
        guard entries[id]?.nodeID == sender else { return nil }
        return remove(id)
    }

    /// Removes and returns the entries whose deadline has passed.
    mutating func expire(now: Duration) -> [(id: String, entry: Entry)] {
        guard deadlineCount > 0 else { return [] }
        let expired = entries.filter { $0.value.deadline.map { $0 <= now } ?? false }
        for id in expired.keys { _ = remove(id) }
        return expired.map { (id: $0.key, entry: $0.value) }
    }

    /// Removes and returns the entries waiting on `nodeID` (every entry when nil).
    mutating func removeAll(nodeID: String?) -> [Entry] {
        let matching = entries.filter { nodeID == nil || $0.value.nodeID == nodeID }
        for id in matching.keys { _ = remove(id) }
        return Array(matching.values)
    }

    var isEmpty: Bool { entries.isEmpty }
}
