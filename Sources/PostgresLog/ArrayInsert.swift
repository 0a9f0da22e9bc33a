import Ledger
import PostgresNIO

/// One statement that inserts rows into one or more tables, each table's rows bound as one array
/// per column (`unnest`): the server plans a handful of binds instead of one per value, whatever
/// the number of rows, and one round trip writes every table.
///
/// Arrays are bound as they come and the statement is put together last, so an append binds
/// what does not depend on where its events land before it takes the append lock, and the rest
/// under it.
struct ArrayInsert {
    /// A bound array as an insert's SELECT uses it.
    struct Column {
        /// The arrays to unnest (`$n::type[]`), and the names their elements get, in one order.
        fileprivate(set) var arrays: [String]
        fileprivate(set) var names: [String]
        /// A row's value: NULL where the column's marker array says so.
        var value: String

        /// The bound array itself, for use elsewhere in the statement.
        var array: String { arrays[0] }
    }

    private(set) var bindings = PostgresBindings()
    private var inserts: [String] = []

    /// Binds `values` as one array, and when any is NULL a second array saying which.
    mutating func bind(_ values: [MetadataValue?], of type: MetadataColumn.ValueType) -> Column {
        bindings.append(array: values.map { $0 ?? type.placeholder }, of: type)
        let number = bindings.count
        var column = Column(arrays: ["$\(number)::\(type.postgres)[]"], names: ["v\(number)"], value: "v\(number)")
        if values.contains(where: { $0 == nil }) {
            bindings.append(values.map { $0 == nil })
            column.arrays.append("$\(bindings.count)::boolean[]")
            column.names.append("n\(bindings.count)")
            column.value = "CASE WHEN n\(bindings.count) THEN NULL ELSE v\(number) END"
        }
        return column
    }

    /// Binds one text value. - returns: its parameter (`$n`).
    mutating func bind(_ value: String) -> String {
        bindings.append(value)
        return "$\(bindings.count)"
    }

    /// Inserts into `target` a row for each element of the columns' arrays (all of one length),
    /// those that meet `condition` when one is given.
    mutating func insert(
        into target: String, _ columns: [(name: String, column: Column)], where condition: String? = nil
    ) {
        let values = columns.map(\.column.value).joined(separator: ", ")
        let arrays = columns.flatMap(\.column.arrays).joined(separator: ", ")
        let names = columns.flatMap(\.column.names).joined(separator: ", ")
        inserts.append(
            "INSERT INTO \(target) (\(columns.map(\.name).joined(separator: ", "))) SELECT \(values) "
                + "FROM unnest(\(arrays)) AS rij (\(names))" + (condition.map { " WHERE \($0)" } ?? ""))
    }

    /// The statement: every insert in a WITH clause (the server runs each to completion), then `final`.
    func sql(then final: String) -> String {
        guard !inserts.isEmpty else { return final }
        return "WITH " + inserts.enumerated().map { "w\($0) AS (\($1))" }.joined(separator: ", ") + " " + final
    }
}
