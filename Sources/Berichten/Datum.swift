/// A calendar date as the standard writes it (`LDT_Datum`: `YYYY-MM-DD`, no time zone).
///
/// Validated on construction, so 2027-06-31 cannot exist. Comparison is chronological.
public struct Datum: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil unless the date exists in the proleptic Gregorian calendar (years 1–9999).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Datum.dagen(inMonth: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ text: String) {
        var text = text
        guard let datum = text.withUTF8({ Datum(utf8: $0) }) else { return nil }
        self = datum
    }

    init?(utf8: UnsafeBufferPointer<UInt8>) {
        guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
            let year = ASCII.integer(utf8, 0..<4), let month = ASCII.integer(utf8, 5..<7),
            let day = ASCII.integer(utf8, 8..<10)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        ASCII.fields(year, width: 4, month, day, separator: UInt8(ascii: "-"))
    }

    public static func < (lhs: Datum, rhs: Datum) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// True when both dates fall in the same month of the same year.
    public func inZelfdeMaand(als other: Datum) -> Bool {
        year == other.year && month == other.month
    }

    /// The last day of this date's month; declaratie periods end there (CS340).
    public var laatsteDagVanDeMaand: Datum {
        Datum(checkedYear: year, month: month, day: Datum.dagen(inMonth: month, year: year))
    }

    private init(checkedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    private static func dagen(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
