import Synchronization

/// Counters of what the mesh refused or lost, shared by the I/O thread and readers.
final class MeshCounters: Sendable {
    enum Kind: Int, CaseIterable {
        /// Incoming messages dropped: wrong frame count, oversize frame, unknown type, bad payload,
        /// or sent by a node of another namespace.
        case droppedFrames
        /// Outgoing packets lost: no route to the target, or a full per-peer backlog.
        case droppedPackets
        /// Peer-supplied endpoints refused by validation.
        case ignoredEndpoints
        /// CURVE clients refused by the ZAP handler.
        case rejectedClients
    }

    private let droppedFrames = Atomic<Int>(0)
    private let droppedPackets = Atomic<Int>(0)
    private let ignoredEndpoints = Atomic<Int>(0)
    private let rejectedClients = Atomic<Int>(0)

    func add(_ kind: Kind, _ amount: Int = 1) {
        switch kind {
        case .droppedFrames: droppedFrames.add(amount, ordering: .relaxed)
        case .droppedPackets: droppedPackets.add(amount, ordering: .relaxed)
        case .ignoredEndpoints: ignoredEndpoints.add(amount, ordering: .relaxed)
        case .rejectedClients: rejectedClients.add(amount, ordering: .relaxed)
        }
    }

    subscript(kind: Kind) -> Int {
        switch kind {
        case .droppedFrames: droppedFrames.load(ordering: .relaxed)
        case .droppedPackets: droppedPackets.load(ordering: .relaxed)
        case .ignoredEndpoints: ignoredEndpoints.load(ordering: .relaxed)
        case .rejectedClients: rejectedClients.load(ordering: .relaxed)
        }
    }
}
