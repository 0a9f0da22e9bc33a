public import Ledger

/// The connection a projection writes through, with its statements prepared once per fold.
///
/// Folding a log applies the same few INSERTs thousands of times; preparing them once and
/// keeping them by their SQL text makes `apply` as cheap as a bind and a step.
public final class ProjectionDatabase {
    public let connection: SQLiteConnection
    private var statements: [String: SQLiteStatement] = [:]

    public init(connection: SQLiteConnection) {
        self.connection = connection
    }

    /// Runs one statement that returns no rows, with `values` bound to ?1, ?2, …
    public func run(_ sql: String, _ values: [SQLValue]) throws(LedgerError) {
        let statement = try prepared(sql)
        defer { statement.reset() }
        for (index, value) in values.enumerated() {
            switch value {
            case .integer(let number): statement.bind(Int32(index + 1), number)
            case .text(let text): statement.bind(Int32(index + 1), text)
            }
        }
        try statement.step()
    }

    private func prepared(_ sql: String) throws(LedgerError) -> SQLiteStatement {
        if let statement = statements[sql] { return statement }
        let statement = try connection.prepare(sql, persistent: true)
        statements[sql] = statement
        return statement
    }
}
