/// Reading and writing ISO-8601 timestamps as milliseconds since 1970, without Foundation.
///
/// Reads `YYYY` (or JavaScript's expanded `±YYYYYY`), `YYYY-MM`, `YYYY-MM-DD`, optionally followed by `T` (or a space) and
/// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fraction`, and a zone `Z`, `±HH:MM`, `±HHMM` or `±HH`.
/// A timestamp without a zone is read as UTC. Writes JavaScript's `toISOString()` form.
enum ISO8601Timestamp {
    /// JavaScript's valid dates: 100,000,000 days either side of 1970, in milliseconds.
    static let validRange = -8_640_000_000_000_000...8_640_000_000_000_000

    static func milliseconds(from text: String) -> Int? {
        var scanner = Cursor(bytes: Array(text.utf8))
        guard let year = scanner.year() else { return nil }
        var month = 1, day = 1, hour = 0, minute = 0, second = 0, millisecond = 0, offset = 0
        if scanner.skip("-") {
            guard let parsed = scanner.digits(2) else { return nil }
            month = parsed
            if scanner.skip("-") {
                guard let parsed = scanner.digits(2) else { return nil }
                day = parsed
                if scanner.skip("T") || scanner.skip("t") || scanner.skip(" ") {
                    guard let parsedHour = scanner.digits(2), scanner.skip(":"), let parsedMinute = scanner.digits(2)
                    else { return nil }
                    (hour, minute) = (parsedHour, parsedMinute)
                    if scanner.skip(":") {
                        guard let parsed = scanner.digits(2) else { return nil }
                        second = parsed
                        if scanner.skip(".") || scanner.skip(",") {
                            guard let fraction = scanner.fractionMilliseconds() else { return nil }
                            millisecond = fraction
                        }
                    }
                    guard let zone = scanner.zoneOffsetMinutes() else { return nil }
                    offset = zone
                }
            }
        }
        guard scanner.isAtEnd, (1...12).contains(month), (1...daysIn(month, of: year)).contains(day),
            hour < 24, minute < 60, second < 60
        else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        return ((days * 24 + hour) * 60 + minute - offset) * 60_000 + second * 1000 + millisecond
    }

    /// `YYYY-MM-DDTHH:MM:SS.sssZ`, with a signed six-digit year outside 0...9999.
    static func string(fromMilliseconds milliseconds: Int) -> String {
        let (days, dayMilliseconds) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        let (wholeDays, time) = dayMilliseconds < 0 ? (days - 1, dayMilliseconds + 86_400_000) : (days, dayMilliseconds)
        let (year, month, day) = civilDate(daysSinceEpoch: wholeDays)
        let yearText = (0...9999).contains(year) ? pad(year, 4) : (year < 0 ? "-" : "+") + pad(abs(year), 6)
        return yearText + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(time / 3_600_000, 2) + ":"
            + pad(time / 60_000 % 60, 2) + ":" + pad(time / 1000 % 60, 2) + "." + pad(time % 1000, 3) + "Z"
    }

    private static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Howard Hinnant's `days_from_civil`.
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Howard Hinnant's `civil_from_days`.
    private static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
