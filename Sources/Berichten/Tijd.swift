/// A time of day as the standard writes it (`LDT_Tijd`: `HH:MM:SS`, no time zone).
///
/// `xs:time` allows fractional seconds; they are accepted and dropped, because the standard
/// only uses the time to order toewijzingen decided on the same day (IV013).
public struct Tijd: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int
    public let second: Int

    public init?(hour: Int, minute: Int, second: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Parses `HH:MM:SS` with optional fractional seconds.
    public init?(_ text: String) {
        var text = text
        guard let tijd = text.withUTF8({ Tijd(utf8: $0) }) else { return nil }
        self = tijd
    }

    init?(utf8: UnsafeBufferPointer<UInt8>) {
        guard utf8.count >= 8, utf8[2] == UInt8(ascii: ":"), utf8[5] == UInt8(ascii: ":"),
            let hour = ASCII.integer(utf8, 0..<2), let minute = ASCII.integer(utf8, 3..<5),
            let second = ASCII.integer(utf8, 6..<8)
        else { return nil }
        if utf8.count > 8 {
            guard utf8.count > 9, utf8[8] == UInt8(ascii: "."), ASCII.integer(utf8, 9..<utf8.count) != nil else {
                return nil
            }
        }
        self.init(hour: hour, minute: minute, second: second)
    }

    public var description: String {
        ASCII.fields(hour, width: 2, minute, second, separator: UInt8(ascii: ":"))
    }

    public static func < (lhs: Tijd, rhs: Tijd) -> Bool {
        (lhs.hour, lhs.minute, lhs.second) < (rhs.hour, rhs.minute, rhs.second)
    }
}
