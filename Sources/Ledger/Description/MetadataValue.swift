/// One stored metadata value: the SQLite storage classes a description uses.
public enum MetadataValue: Sendable, Hashable, Comparable {
    case text(String)
    case integer(Int)
    case blob([UInt8])

    public var text: String? {
        if case .text(let text) = self { text } else { nil }
    }

    public var integer: Int? {
        if case .integer(let number) = self { number } else { nil }
    }

    public var blob: [UInt8]? {
        if case .blob(let bytes) = self { bytes } else { nil }
    }

    /// The value's form in the hash chain (``CanonicalSink``) as text: the text itself, an
    /// integer in decimal digits, bytes in lower-case hex.
    var canonical: String {
        if case .text(let text) = self { return text }
        var canonical = CanonicalText()
        canonical.write(self)
        return canonical.text
    }

    /// SQLite's order: integers, then text, then blobs; integers by value, text and blobs by their
    /// bytes (BINARY collation), so rows sorted here come back from an index in the same order.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case (.integer(let a), .integer(let b)): a < b
        case (.text(let a), .text(let b)): a.utf8.lexicographicallyPrecedes(b.utf8)
        case (.blob(let a), .blob(let b)): a.lexicographicallyPrecedes(b)
        default: lhs.storageClass < rhs.storageClass
        }
    }

    private var storageClass: Int {
        switch self {
        case .integer: 0
        case .text: 1
        case .blob: 2
        }
    }
}
