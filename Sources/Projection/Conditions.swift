import Berichten
import Kenmerken
public import Ledger

/// The WHERE clause of a query, built from optional filters, with its bound values in order.
///
/// Each condition uses plain `?` placeholders, which SQLite numbers left to right, so the
/// values only have to be appended in the order the conditions are added.
public struct Conditions: Sendable {
    public private(set) var clauses: [String] = []
    public private(set) var values: [SQLValue] = []

    public init() {}

    /// The filters the rows of toewijzingen, zorg and declaraties share, on columns of the same
    /// names (`gemeente`, `aanbieder`, `bsn`, `toewijzing_nummer`, `status`), and a period from
    /// `begin` to `einde` (open when NULL) that must overlap `filter.van` … `filter.tot`. For
    /// `positie`, see ``add(bsn:positie:)``.
    public init(_ filter: Filter, status: String?, begin: String, einde: String, positie: String?) {
        add("gemeente = ?", filter.gemeente)
        add("aanbieder = ?", filter.aanbieder)
        add(bsn: filter.bsn, positie: positie)
        add("toewijzing_nummer = ?", filter.toewijzing)
        add("status = ?", status)
        add("(\(einde) IS NULL OR \(einde) >= ?)", filter.van?.description)
        add("\(begin) <= ?", filter.tot?.description)
    }

    /// Keeps the rows of client `bsn`. Rows that carry the position of a message naming their
    /// client (`positie`, the column holding it) are found through the log's BSN index
    /// (`event_bsn`), so a fact table needs no BSN index of its own; other rows are compared by
    /// their `bsn` column alone, which then needs one.
    public mutating func add(bsn: String?, positie: String?) {
        add(positie.map { "\($0) IN (\(Berichtindex.bsn)) AND bsn = ?" } ?? "bsn = ?", bsn)
    }

    /// Adds `clause` when `value` is present; `clause` holds one `?` per copy of the value.
    public mutating func add(_ clause: String, _ value: String?) {
        guard let value else { return }
        clauses.append(clause)
        values += Array(repeating: .text(value), count: clause.count { $0 == "?" })
    }

    public mutating func add(_ clause: String, _ value: Int?) {
        guard let value else { return }
        clauses.append(clause)
        values += Array(repeating: .integer(value), count: clause.count { $0 == "?" })
    }

    /// `WHERE a AND b …`, or nothing without conditions.
    public var sql: String { clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ") }
}

extension SQLiteConnection {
    /// Runs a query and maps every row; `values` are bound to the placeholders in order.
    public func rows<Row>(
        _ sql: String, _ values: [SQLValue] = [], _ row: (SQLiteStatement) -> Row
    ) throws(LedgerError) -> [Row] {
        var result: [Row] = []
        try rows(sql, values, { result.append($0) }, row)
        return result
    }

    /// Runs a query and hands each mapped row to `each` as it is read, so an answer of any size
    /// passes through in constant memory.
    public func rows<Row>(
        _ sql: String, _ values: [SQLValue], _ each: (Row) -> Void, _ row: (SQLiteStatement) -> Row
    ) throws(LedgerError) {
        let statement = try prepare(sql)
        for (index, value) in values.enumerated() {
            switch value {
            case .integer(let number): statement.bind(Int32(index + 1), number)
            case .text(let text): statement.bind(Int32(index + 1), text)
            }
        }
        while try statement.step() { each(row(statement)) }
    }
}

/// All rows of a streamed query at once, for answers known to be small (a timeline, the demo).
public func collected<Row>(_ query: (_ each: (Row) -> Void) throws(LedgerError) -> Void) throws(LedgerError) -> [Row] {
    var rows: [Row] = []
    try query { rows.append($0) }
    return rows
}

extension SQLiteStatement {
    /// A space-separated list column (codes never contain spaces) as an array.
    public func list(_ column: Int32) -> [String] {
        string(column).split(separator: " ").map(String.init)
    }
}
