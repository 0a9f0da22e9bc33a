/// A table of keys an event concerns, many per event (a message names several clients), one row
/// per key: `(position, key columns…)`, kept sorted and without repeats, with an index on the key
/// so the events about one key are found without reading the log.
public struct IndexTable: Sendable, Hashable {
    public var name: String
    /// The key columns, in the order of the rows' values and of the primary key after `position`.
    public var columns: [MetadataColumn]
    /// The name of the index on the key columns.
    public var lookupIndex: String

    /// A key column may be kept as given or as ``StoredForm/digits``.
    public init(name: String, columns: [MetadataColumn], lookupIndex: String) {
        precondition(columns.allSatisfy { $0.form == .asGiven || $0.form == .digits }, "a key column is kept as given or as digits")
        self.name = name
        self.columns = columns
        self.lookupIndex = lookupIndex
    }

    /// `SELECT position FROM name WHERE c1 = ? AND …` for the named key columns: the positions of
    /// the events with that key, with plain `?` placeholders in the order given, so a query can
    /// use it inside `position IN (…)` and stay correct under a knowledge window (`Kennisstand`).
    /// A key given as text is found as the file keeps it: a column with a stored form
    /// (``StoredForm/digits``) matches the text or its stored form, so one query serves a ledger
    /// that keeps the form, one from before it, and a read model, which keeps keys as given.
    public func positionsQuery(matching columns: [String]) -> String {
        let keys = columns.map(column(named:))
        guard keys.contains(where: { $0.form != .asGiven }) else {
            let condition = keys.isEmpty ? "" : " WHERE " + keys.map { "\($0.name) = ?" }.joined(separator: " AND ")
            return "SELECT position FROM \(name)\(condition)"
        }
        let given = keys.indices.map { "? AS key_\($0 + 1)" }.joined(separator: ", ")
        let condition = keys.enumerated().map { index, column in
            let key = "key_\(index + 1)"
            return column.form == .asGiven ? "\(column.name) = \(key)" : "\(column.name) IN (\(key), \(column.form.storedSQL(key)))"
        }.joined(separator: " AND ")
        return "SELECT position FROM \(name), (SELECT \(given)) WHERE \(condition)"
    }

    /// A scalar subquery: the value in key column `column` of the event at `position` (an SQL
    /// expression, such as a column of the outer query) when the event has exactly one row here;
    /// NULL when it has none or several. A value kept in a stored form comes back as its text.
    public func onlyValueQuery(of column: String, at position: String) -> String {
        let value = self.column(named: column).form.valueSQL("max(\(column))")
        return "(SELECT CASE WHEN count(*) = 1 THEN \(value) END FROM \(name) WHERE position = \(position))"
    }

    private func column(named name: String) -> MetadataColumn {
        guard let column = columns.first(where: { $0.name == name }) else { preconditionFailure("no such key column") }
        return column
    }
}
