/// A bounded FIFO of multipart messages waiting for a socket to accept them.
struct Backlog {
    private var items: [[[UInt8]]] = []
    private var head = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    var isEmpty: Bool { head == items.count }
    var count: Int { items.count - head }

    /// Appends; false (and nothing kept) when full.
    mutating func append(_ frames: [[UInt8]]) -> Bool {
        guard count < capacity else { return false }
        items.append(frames)
        return true
    }

    /// Puts messages in front of everything queued (a greeting that must go first).
    mutating func prepend(_ messages: [[[UInt8]]]) {
        items.replaceSubrange(0..<head, with: [])
        head = 0
        items.insert(contentsOf: messages, at: 0)
    }

    var first: [[UInt8]]? { isEmpty ? nil : items[head] }

    mutating func removeFirst() {
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 1024, head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
    }

    mutating func removeAll() {
        items.removeAll()
        head = 0
    }
}
