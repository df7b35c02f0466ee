/// A map of bounded size that forgets its least recently used entry to make room.
///
/// Entries live in one array, linked from most to least recently used by index, so a lookup,
/// an insertion and an eviction are all O(1) and the whole cache stays a value.
struct LRUCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var key: Key
        var value: Value
        var newer: Int?
        var older: Int?
    }

    /// The most entries kept; 0 disables the cache.
    let capacity: Int
    private var entries: [Entry] = []
    private var indexByKey: [Key: Int] = [:]
    private var newest: Int?
    private var oldest: Int?

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// The value stored for `key`, which becomes the most recently used entry.
    mutating func value(for key: Key) -> Value? {
        guard let index = indexByKey[key] else { return nil }
        moveToFront(index)
        return entries[index].value
    }

    /// Stores `value` for `key`, evicting the least recently used entry when full.
    mutating func set(_ value: Value, for key: Key) {
        if let index = indexByKey[key] {
            entries[index].value = value
            moveToFront(index)
            return
        }
        let index: Int
        if entries.count < capacity {
            index = entries.count
            entries.append(Entry(key: key, value: value))
        } else if let victim = oldest {
            unlink(victim)
            indexByKey[entries[victim].key] = nil
            entries[victim] = Entry(key: key, value: value)
            index = victim
        } else {
            return
        }
        indexByKey[key] = index
        pushFront(index)
    }

    /// Forgets every entry.
    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        indexByKey.removeAll(keepingCapacity: true)
        newest = nil
        oldest = nil
    }

    private mutating func moveToFront(_ index: Int) {
        guard newest != index else { return }
        unlink(index)
        pushFront(index)
    }

    private mutating func unlink(_ index: Int) {
        let (newer, older) = (entries[index].newer, entries[index].older)
        if let newer { entries[newer].older = older } else { newest = older }
        if let older { entries[older].newer = newer } else { oldest = newer }
        entries[index].newer = nil
        entries[index].older = nil
    }

    private mutating func pushFront(_ index: Int) {
        entries[index].older = newest
        if let newest { entries[newest].newer = index } else { oldest = index }
        newest = index
    }
}
