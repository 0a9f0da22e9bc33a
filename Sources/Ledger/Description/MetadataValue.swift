/// One stored metadata value: the two SQLite storage classes a description uses.
public enum MetadataValue: Sendable, Hashable, Comparable {
    case text(String)
    case integer(Int)

    public var text: String? {
        if case .text(let text) = self { text } else { nil }
    }

    public var integer: Int? {
        if case .integer(let number) = self { number } else { nil }
    }

    /// The value's form in the hash chain: the text itself, an integer in decimal digits.
    var canonical: String {
        switch self {
        case .text(let text): text
        case .integer(let number): String(number)
        }
    }

    /// SQLite's order: integers before text, integers by value, text by its UTF-8 bytes (BINARY
    /// collation), so rows sorted here come back from an index in the same order.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case (.integer(let a), .integer(let b)): a < b
        case (.text(let a), .text(let b)): a.utf8.lexicographicallyPrecedes(b.utf8)
        case (.integer, .text): true
        case (.text, .integer): false
        }
    }
}
