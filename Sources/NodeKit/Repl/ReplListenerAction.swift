/// The subcommand of `listener`.
public enum ReplListenerAction: String, Sendable, CaseIterable {
    /// `listener add <event> [--group g]`: print the event when it arrives.
    case add
    /// `listener remove <event>`: stop printing it.
    case remove
    /// `listener list`: the events listened to.
    case list
}
