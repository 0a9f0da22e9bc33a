/// One column of metadata: its name in the ledger file and its SQL type.
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

    public init(_ name: String, _ type: ValueType) {
        self.name = name
        self.type = type
    }

    public static func text(_ name: String) -> Self { Self(name, .text) }
    public static func integer(_ name: String) -> Self { Self(name, .integer) }
    public static func blob(_ name: String) -> Self { Self(name, .blob) }
}
