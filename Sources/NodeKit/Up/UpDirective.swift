/// What ``UpSupervisor`` asks its shell to do after an event.
public enum UpDirective: Sendable, Equatable {
    /// Every node is ready for the first time: print the all-ready and gateway lines.
    case announceAllReady
    /// Start node `id` again after `delay`.
    case restart(id: String, delay: Duration, attempt: Int)
    /// Nothing is running and a stop was asked for: exit.
    case finish
}
