import Ledger
import NIOCore
import PostgresNIO

// How metadata values travel to and from PostgreSQL: binds, arrays of a column, and cells read back.

/// Binds for `$1, $2, …` in order.
func binds(_ values: MetadataValue?...) -> PostgresBindings { binds(values) }

func binds(_ values: some Sequence<MetadataValue?>) -> PostgresBindings {
    var bindings = PostgresBindings()
    for value in values { bindings.append(metadata: value) }
    return bindings
}

func binds(_ values: some Sequence<MetadataValue>) -> PostgresBindings {
    binds(values.map { Optional($0) })
}

extension MetadataColumn.ValueType {
    /// The type of an ``EventTable`` column from its SQLite declaration (`INTEGER PRIMARY KEY`, `TEXT NOT NULL`, …).
    init(sqlite declaration: String) {
        self = declaration.hasPrefix("INTEGER") ? .integer : declaration.hasPrefix("BLOB") ? .blob : .text
    }

    /// The PostgreSQL type of a column of this type.
    var postgres: String {
        switch self {
        case .text: "text"
        case .integer: "bigint"
        case .blob: "bytea"
        }
    }

    /// What stands in an array for a NULL, which a separate array marks as NULL.
    var placeholder: MetadataValue {
        switch self {
        case .text: .text("")
        case .integer: .integer(0)
        case .blob: .blob([])
        }
    }
}

extension PostgresBindings {
    /// Binds `values`, all of `type`, as one array.
    mutating func append(array values: [MetadataValue], of type: MetadataColumn.ValueType) {
        switch type {
        case .text: append(values.map { $0.text ?? "" })
        case .integer: append(values.map { Int64($0.integer ?? 0) })
        case .blob: append(values.map { ByteBuffer(bytes: $0.blob ?? []) })
        }
    }

    mutating func append(metadata value: MetadataValue?) {
        switch value {
        case .text(let text): append(text)
        case .integer(let number): append(Int64(number))
        case .blob(let bytes): append(ByteBuffer(bytes: bytes))
        case nil: appendNull()
        }
    }
}

extension PostgresRandomAccessRow {
    /// Column `index` decoded as `type`; a failure names the column, never its value.
    func cell<T: PostgresDecodable>(_ index: Int, _ type: T.Type) throws(LedgerError) -> T {
        do {
            return try self[index].decode(T.self)
        } catch {
            throw LedgerError(.corrupt, "column \(index) of a row does not hold a \(T.self)")
        }
    }

    func optional<T: PostgresDecodable>(_ index: Int, _ type: T.Type) throws(LedgerError) -> T? {
        self[index].bytes == nil ? nil : try cell(index, T.self)
    }

    func bytes(_ index: Int) throws(LedgerError) -> [UInt8] {
        Array(try cell(index, ByteBuffer.self).readableBytesView)
    }

    /// Column `index` as a metadata value of `type`; nil for NULL.
    func value(_ index: Int, _ type: MetadataColumn.ValueType) throws(LedgerError) -> MetadataValue? {
        switch type {
        case .text: try optional(index, String.self).map { .text($0) }
        case .integer: try optional(index, Int64.self).map { .integer(Int($0)) }
        case .blob: try optional(index, ByteBuffer.self).map { .blob(Array($0.readableBytesView)) }
        }
    }
}
