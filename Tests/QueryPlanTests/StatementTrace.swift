internal import CSQLite
@testable import Ledger

/// The SQL of every SELECT a connection runs while `body` runs, with its bound values in place:
/// the read queries of a command are taken from the connection itself, so a query added to a
/// query function is checked without being listed anywhere.
func readQueries(on connection: SQLiteConnection, _ body: () throws -> Void) throws -> [String] {
    final class Collected {
        var statements: [String] = []
    }
    let collected = Collected()
    let context = Unmanaged.passRetained(collected)
    defer { context.release() }
    sqlite3_trace_v2(connection.handle, UInt32(SQLITE_TRACE_STMT), { _, context, statement, _ in
        guard let context, let statement, let sql = sqlite3_expanded_sql(OpaquePointer(statement)) else { return 0 }
        defer { sqlite3_free(sql) }
        Unmanaged<Collected>.fromOpaque(context).takeUnretainedValue().statements.append(String(cString: sql))
        return 0
    }, context.toOpaque())
    defer { sqlite3_trace_v2(connection.handle, 0, nil, nil) }
    try body()
    return collected.statements.filter { sql in
        let start = sql.drop { $0.isWhitespace }.prefix(6).uppercased()
        return start.hasPrefix("SELECT") || start.hasPrefix("WITH")
    }
}
