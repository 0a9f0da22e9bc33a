/// One column of metadata: its name in the ledger file, its SQL type, and how a ledger from
/// format 5 on keeps its values (``StoredForm``).
public struct MetadataColumn: Sendable, Hashable {
    public enum ValueType: Sendable, Hashable {
        case text
        case integer
        case blob

        var sql: String {
            switch self {
            case .text: "TEXT"
            case .integer: "INTEGER"
            case .blob: "BLOB"
            }
        }
    }

    public var name: String
    public var type: ValueType
    /// Only for text: the values of any other type are kept as they are.
    public var form: StoredForm

    public init(_ name: String, _ type: ValueType, form: StoredForm = .asGiven) {
        precondition(type == .text || form == .asGiven, "only text has a stored form")
        self.name = name
        self.type = type
        self.form = form
    }

    public static func text(_ name: String, form: StoredForm = .asGiven) -> Self { Self(name, .text, form: form) }
    public static func integer(_ name: String) -> Self { Self(name, .integer) }
    public static func blob(_ name: String) -> Self { Self(name, .blob) }

    /// The column's SQL type in a file of `layout`: where it keeps values in their stored form,
    /// `ANY` holds both an integer and, when a value has no integer form, its text.
    func sqlType(in layout: EventTable.Layout) -> String {
        layout.keeps(form) ? "ANY" : type.sql
    }
}
