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
            case .day: Timestamp.dayNumber(of: text.utf8)
            case .moment: Timestamp.milliseconds(of: text.utf8)
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
            case .day: Timestamp.day(number)
            case .moment: Timestamp.text(milliseconds: number)
            }
        return text.map { .text($0) } ?? stored
    }
}
