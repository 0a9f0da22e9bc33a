public import Berichten
import Ledger

/// Fact columns stored small and read back as the text they stand for.
///
/// A fact table is written once per message and read by views, so a value is stored in its
/// smallest exact form and the views give back the text every query and output expects: a date
/// as its day number (3 bytes instead of 11), a code of a fixed list as its place in the list
/// (no bytes at all for the first two), a copy of another column as a reference to it. A value
/// outside those forms is stored as the text it is, in a column of type `ANY`, so nothing is
/// ever lost.
public enum Compact {
    /// A date as its day number (days since 1970-01-01).
    public static func datum(_ datum: Datum?) -> SQLValue {
        .integer(datum?.dagnummer)
    }

    /// A text that spells a date exactly (YYYY-MM-DD) as that date's day number; any other text as it is.
    public static func datum(_ text: String?) -> SQLValue {
        guard let text, let datum = Datum(text), datum.description == text else { return .text(text) }
        return .integer(datum.dagnummer)
    }

    /// SQL giving back the YYYY-MM-DD of a date stored by `datum(_:)`, or the text stored instead.
    public static func datum(sql column: String) -> String {
        "CASE WHEN typeof(\(column)) = 'integer' THEN date(\(column) * 86400, 'unixepoch') ELSE \(column) END"
    }

    /// A code of digits (a CBS gemeentecode, an AGB code) as the number "1" followed by those
    /// digits, the form the log keeps it in (`StoredForm.digits`: 2 bytes for `0014`, 4 for 8
    /// digits); any other text as it is. Equal codes are equal numbers, so columns in this form
    /// join and compare as they are.
    public static func cijfers(_ text: String?) -> SQLValue {
        guard case .integer(let number)? = StoredForm.digits.stored(text.map(MetadataValue.text)) else { return .text(text) }
        return .integer(number)
    }

    /// SQL giving back the text of a value stored by ``cijfers(_:)``.
    public static func cijfers(sql expression: String) -> String { StoredForm.digits.valueSQL(expression) }

    /// `value` as its place among `candidates` (the first that equals it), or as the text it is.
    /// The candidates are a code list, or the values of other columns of the same row.
    public static func choice(_ value: String?, among candidates: [String?]) -> SQLValue {
        guard let value else { return .text(nil) }
        return candidates.firstIndex(of: value).map { .integer($0) } ?? .text(value)
    }

    /// SQL giving back a value stored by ``choice(_:among:)``, where `candidates` are the SQL
    /// expressions (literals or columns) of the candidates in the same order.
    public static func choice(sql column: String, among candidates: [String]) -> String {
        let cases = candidates.enumerated().map { "WHEN \($0.offset) THEN \($0.element)" }.joined(separator: " ")
        return "CASE typeof(\(column)) WHEN 'integer' THEN CASE \(column) \(cases) END ELSE \(column) END"
    }

    /// A code list as SQL literals, for ``choice(sql:among:)``; nil as NULL.
    public static func literals(_ codes: [String?]) -> [String] {
        codes.map { code in code.map { "'" + $0.replacing("'", with: "''") + "'" } ?? "NULL" }
    }
}
