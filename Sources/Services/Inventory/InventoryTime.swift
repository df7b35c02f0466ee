import Broker
import Foundation

/// Wall-clock time that moves with the service's clock: the date the service was made plus
/// the clock's time since. With the system clock it is the real time; with a test's manual
/// clock it moves only when the test advances it, so reservations expire on cue.
struct InventoryTime: Sendable {
    let clock: any BrokerClock
    private let origin: Date
    private let originTick: Duration

    init(clock: any BrokerClock, origin: Date = Date()) {
        self.clock = clock
        self.origin = origin
        originTick = clock.now
    }

    var now: Date {
        let elapsed = (clock.now - originTick).components
        return origin.addingTimeInterval(Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
    }

    /// ISO 8601 UTC with milliseconds; fixed width, so stored times compare as strings.
    static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
