#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import CivilDays

/// Days (`YYYY-MM-DD`) and moments (`YYYY-MM-DDTHH:MM:SS.mmmZ`, UTC with milliseconds) as
/// zorgledger spells them, and their numbers since 1970: the form of `recorded_at` and of every
/// other moment zorgledger records, and how ``StoredForm`` keeps days and moments. Plain
/// arithmetic (``CivilDays``), so reading a ledger costs no calls into the C library's calendar
/// and the append path no Foundation.
public enum Timestamp {
    /// The current moment.
    public static func now() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        // A clock before 0000 or after 9999 is not a clock this program runs under.
        return text(milliseconds: Int(spec.tv_sec) * 1000 + Int(spec.tv_nsec) / 1_000_000) ?? ""
    }

    /// Days since 1970-01-01 of a date spelled exactly `YYYY-MM-DD`, or nil: a day that does not
    /// exist (`2025-02-30`) or any other spelling.
    package static func dayNumber(of text: some Collection<UInt8>) -> Int? {
        guard text.count == 10 else { return nil }
        var bytes = text.makeIterator()
        guard let year = digits(&bytes, 4), bytes.next() == UInt8(ascii: "-"), let month = digits(&bytes, 2),
            bytes.next() == UInt8(ascii: "-"), let day = digits(&bytes, 2), (1...12).contains(month), day >= 1
        else { return nil }
        let number = CivilDays.number(year: year, month: month, day: day)
        return CivilDays.date(number) == (year, month, day) ? number : nil
    }

    /// Milliseconds since 1970 of a moment spelled exactly `YYYY-MM-DDTHH:MM:SS.mmmZ`, or nil.
    package static func milliseconds(of text: some Collection<UInt8>) -> Int? {
        guard text.count == 24, let days = dayNumber(of: text.prefix(10)) else { return nil }
        var bytes = text.dropFirst(10).makeIterator()
        guard bytes.next() == UInt8(ascii: "T"), let hour = digits(&bytes, 2), bytes.next() == UInt8(ascii: ":"),
            let minute = digits(&bytes, 2), bytes.next() == UInt8(ascii: ":"), let second = digits(&bytes, 2),
            bytes.next() == UInt8(ascii: "."), let milli = digits(&bytes, 3), bytes.next() == UInt8(ascii: "Z"),
            hour < 24, minute < 60, second < 60
        else { return nil }
        return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + milli
    }

    /// `YYYY-MM-DD` of day number `number`, or nil outside the years 0000 to 9999.
    package static func day(_ number: Int) -> String? {
        guard yearsZeroTo9999.contains(number) else { return nil }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            var writer = Writer(buffer: buffer)
            writer.day(number)
            return writer.count
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` of `milliseconds` since 1970, or nil outside the years 0000 to 9999.
    package static func text(milliseconds: Int) -> String? {
        let (days, inDay) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)  // truncated toward zero
        let (dayNumber, sinceMidnight) = inDay < 0 ? (days - 1, inDay + 86_400_000) : (days, inDay)
        guard yearsZeroTo9999.contains(dayNumber) else { return nil }
        return String(unsafeUninitializedCapacity: 24) { buffer in
            var writer = Writer(buffer: buffer)
            writer.day(dayNumber)
            writer.byte("T")
            writer.number(sinceMidnight / 3_600_000, width: 2)
            writer.byte(":")
            writer.number(sinceMidnight / 60_000 % 60, width: 2)
            writer.byte(":")
            writer.number(sinceMidnight / 1000 % 60, width: 2)
            writer.byte(".")
            writer.number(sinceMidnight % 1000, width: 3)
            writer.byte("Z")
            return writer.count
        }
    }

    // MARK: Spelling

    /// The day numbers of 0000-01-01 to 9999-12-31.
    private static let yearsZeroTo9999 = -719_528...2_932_896

    private static func digits<I: IteratorProtocol<UInt8>>(_ bytes: inout I, _ count: Int) -> Int? {
        var number = 0
        for _ in 0..<count {
            guard let byte = bytes.next(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            number = number * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return number
    }

    /// Writes digits and separators into a new string's storage.
    private struct Writer {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var count = 0

        mutating func byte(_ character: Unicode.Scalar) {
            buffer[count] = UInt8(ascii: character)
            count += 1
        }

        mutating func number(_ value: Int, width: Int) {
            var rest = value
            for offset in stride(from: width - 1, through: 0, by: -1) {
                buffer[count + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            count += width
        }

        mutating func day(_ number: Int) {
            let (year, month, day) = CivilDays.date(number)
            self.number(year, width: 4)
            byte("-")
            self.number(month, width: 2)
            byte("-")
            self.number(day, width: 2)
        }
    }
}
