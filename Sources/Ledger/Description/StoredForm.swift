/// How a text value of metadata is kept in a ledger file from format 5 on: as a small integer
/// where that integer gives back exactly the same text, as the text itself otherwise, in a column
/// of type `ANY`. A day is 3 bytes instead of 10, a moment 6 instead of 24, a code of a fixed list
/// 0 or 1 byte instead of 3 to 7, a number of digits about half its length; everything above the
/// file (the chain, `verify`, readers) sees only the text, so the hash chain of an event is the
/// same in either form. A form applies to files from the format that introduced it on (``since``).
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
    /// A code of 1 to 18 decimal digits, leading zeros and all (a CBS gemeentecode `0014`, an AGB
    /// code), kept as the number "1" followed by those digits spell: 10014, 4 bytes for 8 digits.
    case digits

    /// The first file format that keeps values in this form.
    package var since: Int {
        switch self {
        case .asGiven: Int.max
        case .choice, .day, .moment: Schema.compactSince
        case .digits: Schema.digitsSince
        }
    }

    /// The value as the file keeps it.
    package func stored(_ value: MetadataValue?) -> MetadataValue? {
        guard case .text(let text) = value else { return value }
        let number: Int? =
            switch self {
            case .asGiven: nil
            case .choice(let values): values.firstIndex(of: text)
            case .day, .moment, .digits: number(spelledBy: text)
            }
        return number.map { .integer($0) } ?? value
    }

    /// Read from the bytes in place: walking a string's UTF-8 view took up to 3,000 instructions
    /// a value, and the writer converts several of every event it appends.
    private func number(spelledBy text: String) -> Int? {
        if let number = text.utf8.withContiguousStorageIfAvailable({ number(spelledBy: $0) }) { return number }
        return number(spelledBy: Array(text.utf8))
    }

    /// The number a day, moment or code of digits spelled by `bytes` is kept as, or nil.
    private func number(spelledBy bytes: some Collection<UInt8>) -> Int? {
        switch self {
        case .day: Timestamp.dayNumber(of: bytes)
        case .moment: Timestamp.milliseconds(of: bytes)
        case .digits: Self.number(ofDigits: bytes)
        case .asGiven, .choice: nil
        }
    }

    /// The value a file keeps as `stored`. An integer the form cannot have written (a file
    /// changed behind the ledger's back) comes back as it is, so the chain then points at it.
    package func value(_ stored: MetadataValue?) -> MetadataValue? {
        guard case .integer(let number) = stored else { return stored }
        let text: String? =
            switch self {
            case .asGiven: nil
            case .choice(let values): values.indices.contains(number) ? values[number] : nil
            case .day: Timestamp.day(number)
            case .moment: Timestamp.text(milliseconds: number)
            case .digits: Self.digits(ofNumber: number)
            }
        return text.map { .text($0) } ?? stored
    }

    /// "1" followed by `digits`, as a number; nil unless they are 1 to 18 ASCII digits.
    private static func number(ofDigits digits: some Collection<UInt8>) -> Int? {
        guard (1...18).contains(digits.count) else { return nil }
        var number = 1
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            number = number * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return number
    }

    /// SQL for the stored form of the text `expression` evaluates to, for the forms a key of an
    /// index table may have (``IndexTable``): NULL where the form keeps that text as it is.
    package func storedSQL(_ expression: String) -> String {
        switch self {
        case .asGiven: return "NULL"
        case .digits:
            return "CASE WHEN \(expression) NOT GLOB '*[^0-9]*' AND length(\(expression)) BETWEEN 1 AND 18 "
                + "THEN CAST('1' || \(expression) AS INTEGER) END"
        case .choice, .day, .moment: preconditionFailure("no key of an index table has this form")
        }
    }

    /// SQL for the text a value kept in this form stands for, `expression` the stored value: the
    /// counterpart of ``storedSQL(_:)``.
    package func valueSQL(_ expression: String) -> String {
        switch self {
        case .asGiven: return expression
        case .digits: return "CASE WHEN typeof(\(expression)) = 'integer' THEN substr(\(expression), 2) ELSE \(expression) END"
        case .choice, .day, .moment: preconditionFailure("no key of an index table has this form")
        }
    }

    /// The digits `number` keeps: its decimal spelling without the leading "1"; nil for a number
    /// that form cannot have written.
    private static func digits(ofNumber number: Int) -> String? {
        let spelled = String(number)
        guard number >= 10, spelled.utf8.first == UInt8(ascii: "1") else { return nil }
        return String(spelled.dropFirst())
    }
}
