/// A small table built in memory (a summary, the demo's samples), written by the same
/// ``RowWriter`` as the streamed answers, so it looks the same in every format.
public struct ResultTable {
    public typealias Kind = ColumnKind
    public typealias Cell = Query.Cell

    public struct Column {
        public var key: String
        public var header: String?
        public var kind: Kind
        public var inTable: Bool

        public init(_ key: String, _ header: String? = nil, _ kind: Kind = .text, inTable: Bool = true) {
            self.key = key
            self.header = header
            self.kind = kind
            self.inTable = inTable
        }
    }

    public var columns: [Column]
    public var rows: [[Cell]] = []

    public init(columns: [Column], rows: [[Cell]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// Rows of a row type in memory, with its declared columns and its BSNs masked as `personalData` says.
    public init<Row: QueryRow>(_ rows: some Sequence<Row>, personalData: PersonalData) {
        let columns = Row.columns
        self.columns = columns.map { Column($0.key, $0.header, $0.kind, inTable: $0.inTable) }
        self.rows = rows.map { row in columns.map { $0.cell(row, personalData) } }
    }

    /// Renders the rows; a table ends with a count line (and totals of the summed amounts).
    public func rendered(as format: OutputFormat, maxWidth: Int? = nil) -> String {
        var out = ""
        var writer = RowWriter(
            columns.enumerated().map { index, column in
                Query.Column<[Cell]>(column.key, column.header, column.kind, inTable: column.inTable) { $0[index] }
            }, as: format, personalData: PersonalData(show: true), maxWidth: maxWidth, pageSize: Int.max
        ) { out += $0 }
        writer.write(all: rows)
        return out
    }
}
