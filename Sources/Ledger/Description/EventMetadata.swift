/// The facts extracted from an event at append time, as the ``EventDescription`` lays them out:
/// one value per column, and the rows of each index table.
///
/// All of it can be derived again from the stored bytes; it is kept so that lookups need no
/// decompression. A domain reads and writes it through typed accessors of its own.
public struct EventMetadata: Sendable, Equatable {
    /// By column of the description; a missing tail reads as NULL.
    private var values: [MetadataValue?] = []
    /// By index table: the rows' values one after the other, rows sorted and without repeats.
    private var rows: [[MetadataValue]] = []

    public init() {}

    /// Metadata with room for `columns` values, so setting them one by one allocates once.
    public init(reservingColumns columns: Int) {
        values.reserveCapacity(columns)
    }

    /// The value of column `column` of the description; nil is NULL.
    public subscript(column: Int) -> MetadataValue? {
        get { column < values.count ? values[column] : nil }
        set {
            if column >= values.count {
                guard newValue != nil else { return }
                values.append(contentsOf: repeatElement(nil, count: column + 1 - values.count))
            }
            values[column] = newValue
        }
    }

    /// Sets every column at once, as read back from a row.
    package mutating func setValues(_ newValues: [MetadataValue?]) { values = newValues }

    /// The rows of index table `table`, each as many values as the table has key columns, one
    /// after the other, sorted (SQLite's order) and without repeats.
    public func rows(ofIndexTable table: Int) -> [MetadataValue] {
        table < rows.count ? rows[table] : []
    }

    /// Calls `body` with each row of index table `table`, whose rows are `width` values each, in order.
    package func forEachRow<Failure: Error>(
        ofIndexTable table: Int, width: Int, _ body: (ArraySlice<MetadataValue>) throws(Failure) -> Void
    ) throws(Failure) {
        let values = rows(ofIndexTable: table)
        for start in stride(from: 0, to: values.count, by: width) { try body(values[start..<(start + width)]) }
    }

    /// Sets the rows of index table `table`; they are sorted and repeats dropped, as the table's
    /// primary key returns them, so the hash chain sees the same order at append and at verify.
    public mutating func setRows(_ newRows: [[MetadataValue]], ofIndexTable table: Int) {
        let inOrder = zip(newRows, newRows.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) }
        let sorted = inOrder ? newRows : Set(newRows).sorted { $0.lexicographicallyPrecedes($1) }
        setFlatRows(sorted.count == 1 ? sorted[0] : sorted.flatMap { $0 }, ofIndexTable: table)
    }

    /// Sets rows that are already in order, as read back from the table.
    package mutating func setFlatRows(_ flat: [MetadataValue], ofIndexTable table: Int) {
        if table >= rows.count {
            guard !flat.isEmpty else { return }
            rows.append(contentsOf: repeatElement([], count: table + 1 - rows.count))
        }
        rows[table] = flat
    }

    /// Equal when every column and every index table holds the same; a missing tail counts as empty.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        (0..<max(lhs.values.count, rhs.values.count)).allSatisfy { lhs[$0] == rhs[$0] }
            && (0..<max(lhs.rows.count, rhs.rows.count)).allSatisfy {
                lhs.rows(ofIndexTable: $0) == rhs.rows(ofIndexTable: $0)
            }
    }
}
