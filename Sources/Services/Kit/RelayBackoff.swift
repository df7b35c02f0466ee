/// The relay's wait before its next pass: the plain interval while nothing is held back, else a
/// delay that starts at `heldRetryInitial` and doubles per pass that still holds, up to the max.
struct RelayBackoff {
    let timing: EventTiming
    private var heldDelay: Duration?

    init(timing: EventTiming) {
        self.timing = timing
    }

    mutating func next(held: Bool) -> Duration {
        guard held else {
            heldDelay = nil
            return timing.relayInterval
        }
        let delay = heldDelay.map { min($0 * 2, timing.heldRetryMax) } ?? timing.heldRetryInitial
        heldDelay = delay
        return delay
    }
}
