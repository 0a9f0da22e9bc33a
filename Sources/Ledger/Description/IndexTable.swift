/// A table of keys an event concerns, many per event (a message names several clients), one row
/// per key: `(position, key columns…)`, kept sorted and without repeats, with an index on the key
/// so the events about one key are found without reading the log.
public struct IndexTable: Sendable, Hashable {
    public var name: String
    /// The key columns, in the order of the rows' values and of the primary key after `position`.
    public var columns: [MetadataColumn]
    /// The name of the index on the key columns.
    public var lookupIndex: String

    public init(name: String, columns: [MetadataColumn], lookupIndex: String) {
        self.name = name
        self.columns = columns
        self.lookupIndex = lookupIndex
    }

    /// `SELECT position FROM name WHERE c1 = ? AND …` for the named key columns: the positions of
    /// the events with that key, with plain `?` placeholders in the order given, so a query can
    /// use it inside `position IN (…)` and stay correct under a knowledge window (`Kennisstand`).
    public func positionsQuery(matching columns: [String]) -> String {
        precondition(columns.allSatisfy { name in self.columns.contains { $0.name == name } }, "no such key column")
        let condition = columns.isEmpty ? "" : " WHERE " + columns.map { "\($0) = ?" }.joined(separator: " AND ")
        return "SELECT position FROM \(name)\(condition)"
    }

    /// A scalar subquery: the value in key column `column` of the event at `position` (an SQL
    /// expression, such as a column of the outer query) when the event has exactly one row here;
    /// NULL when it has none or several.
    public func onlyValueQuery(of column: String, at position: String) -> String {
        precondition(columns.contains { $0.name == column }, "no such key column")
        return "(SELECT CASE WHEN count(*) = 1 THEN max(\(column)) END FROM \(name) WHERE position = \(position))"
    }
}
