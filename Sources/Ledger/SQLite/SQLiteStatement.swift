internal import CSQLite

/// A prepared statement: bind, step, read columns, reset. Prepared once and reused on hot paths.
public final class SQLiteStatement {
    private let statement: OpaquePointer
    private unowned let connection: SQLiteConnection

    init(_ statement: OpaquePointer, connection: SQLiteConnection) {
        self.statement = statement
        self.connection = connection
    }

    deinit { sqlite3_finalize(statement) }

    public func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }

    public func bind(_ index: Int32, _ value: Int?) { bind(index, value.map(Int64.init)) }

    public func bind(_ index: Int32, _ value: String?) {
        guard var value else {
            sqlite3_bind_null(statement, index)
            return
        }
        // The UTF-8 bytes lent in place (a small string's from the stack): passing the String as a
        // C string copied it to the heap first, for every text value of every row.
        _ = value.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { text in
                if let base = text.baseAddress {
                    sqlite3_bind_text(statement, index, base, Int32(text.count), SQLITE_TRANSIENT)
                } else {
                    // A null pointer would bind NULL, not an empty text.
                    sqlite3_bind_text(statement, index, "", 0, SQLITE_TRANSIENT)
                }
            }
        }
    }

    public func bind(_ index: Int32, _ bytes: [UInt8]?) {
        guard let bytes else {
            sqlite3_bind_null(statement, index)
            return
        }
        bytes.withUnsafeBytes { bind(index, blob: $0) }
    }

    /// Binds a digest's 32 bytes where they lie.
    public func bind(_ index: Int32, _ digest: Digest?) {
        guard let digest else {
            sqlite3_bind_null(statement, index)
            return
        }
        digest.withUnsafeBytes { bind(index, blob: $0) }
    }

    private func bind(_ index: Int32, blob raw: UnsafeRawBufferPointer) {
        // A zero-length blob must not bind as NULL, so give SQLite a valid pointer.
        sqlite3_bind_blob(statement, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(raw.count), SQLITE_TRANSIENT)
    }

    /// Advances to the next row; false when the statement is done.
    @discardableResult
    public func step() throws(LedgerError) -> Bool {
        let rc = sqlite3_step(statement)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let message = connection.currentMessage
            sqlite3_reset(statement)
            throw connection.error(rc, message)
        }
    }

    public func reset() {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }

    /// Ready to run again, the values bound so far kept until they are bound anew: for a caller
    /// that binds every parameter on every run. Clearing them freed each bound text and blob,
    /// which the next run then allocated again (a writer's rows bind a dozen a message).
    public func rewind() {
        sqlite3_reset(statement)
    }

    /// The number of the statement's largest parameter.
    public var parameterCount: Int32 { sqlite3_bind_parameter_count(statement) }

    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    public func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    public func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }

    public func int(_ column: Int32) -> Int { Int(int64(column)) }

    public func optionalInt(_ column: Int32) -> Int? { optionalInt64(column).map(Int.init) }

    public func string(_ column: Int32) -> String {
        guard let text = sqlite3_column_text(statement, column) else { return "" }
        return String(cString: text)
    }

    public func optionalString(_ column: Int32) -> String? { isNull(column) ? nil : string(column) }

    /// The value in `column` as it is stored: in a STRICT table the column's own type, in a
    /// column of type `ANY` an integer or a text (see ``StoredForm``).
    package func value(_ column: Int32) -> MetadataValue? {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_NULL: nil
        case SQLITE_INTEGER: .integer(int(column))
        case SQLITE_BLOB: .blob(bytes(column))
        default: .text(string(column))
        }
    }

    public func bytes(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let base = sqlite3_column_blob(statement, column) else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Lends the column's bytes without copying; valid only inside `body`.
    public func withBytes<T>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws(LedgerError) -> T) throws(LedgerError) -> T {
        let count = Int(sqlite3_column_bytes(statement, column))
        let base = sqlite3_column_blob(statement, column)
        return try body(UnsafeRawBufferPointer(start: count > 0 ? base : nil, count: count))
    }
}
