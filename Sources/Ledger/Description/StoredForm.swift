#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a text value of metadata is kept in a ledger file from format 5 on: as a small integer
/// where that integer gives back exactly the same text, as the text itself otherwise, in a column
/// of type `ANY`. A day is 3 bytes instead of 10, a moment 6 instead of 24, a code of a fixed list
/// 0 or 1 byte instead of 3 to 7; everything above the file (the chain, `verify`, readers) sees
/// only the text, so the hash chain of an event is the same in either form.
public enum StoredForm: Sendable, Hashable {
    /// Kept as given: every value of a ledger before format 5, and every column without a form.
    case asGiven
    /// One of a fixed list, kept as its place in it. The list is part of the file format: values
    /// may be appended to it, never reordered or removed.
    case choice([String])
    /// A day spelled `YYYY-MM-DD`, kept as its number of days since 1970-01-01.
    case day
    /// A moment spelled `YYYY-MM-DDTHH:MM:SS.mmmZ` (as ``Timestamp`` writes it), kept as
    /// milliseconds since 1970-01-01T00:00:00Z.
    case moment

    /// The value as the file keeps it.
    package func stored(_ value: MetadataValue?) -> MetadataValue? {
        guard case .text(let text) = value else { return value }
        let number: Int? =
            switch self {
            case .asGiven: nil
            case .choice(let values): values.firstIndex(of: text)
            case .day: Self.dayNumber(text.utf8)
            case .moment: Self.milliseconds(text.utf8)
            }
        return number.map { .integer($0) } ?? value
    }

    /// The value a file keeps as `stored`. An integer the form cannot have written (a file
    /// changed behind the ledger's back) comes back as it is, so the chain then points at it.
    package func value(_ stored: MetadataValue?) -> MetadataValue? {
        guard case .integer(let number) = stored else { return stored }
        let text: String? =
            switch self {
            case .asGiven: nil
            case .choice(let values): values.indices.contains(number) ? values[number] : nil
            case .day: Self.day(number)
            case .moment: Self.moment(number)
            }
        return text.map { .text($0) } ?? stored
    }

    // MARK: Days and moments

    /// The days since 1970 of a date spelled exactly `YYYY-MM-DD`, or nil: a day that does not
    /// exist (`2025-02-30`) or any other spelling stays text.
    private static func dayNumber(_ text: some Collection<UInt8>) -> Int? {
        guard text.count == 10 else { return nil }
        var bytes = text.makeIterator()
        guard let year = digits(&bytes, 4), bytes.next() == UInt8(ascii: "-"), let month = digits(&bytes, 2),
            bytes.next() == UInt8(ascii: "-"), let day = digits(&bytes, 2)
        else { return nil }
        return daysFromCivil(year: year, month: month, day: day)
    }

    /// The milliseconds since 1970 of a moment spelled exactly `YYYY-MM-DDTHH:MM:SS.mmmZ`, or nil.
    private static func milliseconds(_ text: String.UTF8View) -> Int? {
        guard text.count == 24, let days = dayNumber(text.prefix(10)) else { return nil }
        var bytes = text.dropFirst(10).makeIterator()
        guard bytes.next() == UInt8(ascii: "T"), let hour = digits(&bytes, 2), bytes.next() == UInt8(ascii: ":"),
            let minute = digits(&bytes, 2), bytes.next() == UInt8(ascii: ":"), let second = digits(&bytes, 2),
            bytes.next() == UInt8(ascii: "."), let milli = digits(&bytes, 3), bytes.next() == UInt8(ascii: "Z"),
            hour < 24, minute < 60, second < 60
        else { return nil }
        return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + milli
    }

    /// `YYYY-MM-DD` of day number `number`, or nil outside the years 0000 to 9999.
    private static func day(_ number: Int) -> String? {
        var bytes: [UInt8] = []
        guard append(day: number, to: &bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` of `number` milliseconds since 1970, or nil outside the years 0000 to 9999.
    private static func moment(_ number: Int) -> String? {
        let (days, inDay) = number.quotientAndRemainder(dividingBy: 86_400_000)  // truncated toward zero
        let (dayNumber, milliseconds) = inDay < 0 ? (days - 1, inDay + 86_400_000) : (days, inDay)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        guard append(day: dayNumber, to: &bytes) else { return nil }
        bytes.append(UInt8(ascii: "T"))
        append(milliseconds / 3_600_000, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        append(milliseconds / 60_000 % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        append(milliseconds / 1000 % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        append(milliseconds % 1000, width: 3, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The day numbers of 0000-01-01 to 9999-12-31.
    private static let yearsZeroTo9999 = -719_528...2_932_896

    /// Appends `YYYY-MM-DD` of day number `number`; false outside the years 0000 to 9999.
    private static func append(day number: Int, to bytes: inout [UInt8]) -> Bool {
        guard yearsZeroTo9999.contains(number) else { return false }
        let (year, month, day) = civilFromDays(number)
        append(year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        append(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        append(day, width: 2, to: &bytes)
        return true
    }

    private static func digits<I: IteratorProtocol<UInt8>>(_ bytes: inout I, _ count: Int) -> Int? {
        var number = 0
        for _ in 0..<count {
            guard let byte = bytes.next(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            number = number * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return number
    }

    private static func append(_ number: Int, width: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(number / divisor % 10))
            divisor /= 10
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date, or nil when there is no such date:
    /// the C library's calendar, asked both ways, so a date it would roll over (`2025-02-30`) is refused.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int? {
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        let days = Int(timegm(&parts)) / 86_400
        let back = civilFromDays(days)
        return back.year == year && back.month == month && back.day == day ? days : nil
    }

    /// The date of a day number.
    private static func civilFromDays(_ number: Int) -> (year: Int, month: Int, day: Int) {
        var seconds = time_t(number * 86_400)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
    }
}
