/// Writes rows as they are read, in any format: a JSON array and CSV row by row, a table a page
/// at a time (``TablePages``) with its count and totals kept while the rows pass. Memory stays
/// that of one page, whatever the size of the answer.
public struct RowWriter<Row> {
    private let columns: [Column<Row>]
    /// The columns' JSON keys, in order.
    private let keys: [String]
    private let format: OutputFormat
    private let personalData: PersonalData
    private let output: (String) -> Void
    /// The columns a table shows: not those it says in words, never nested objects.
    private let shown: [Int]
    private var table: TablePages
    private var count = 0
    /// Per shown column, the running total of a summed amount.
    private var totals: [Int64]

    /// - Parameters:
    ///   - maxWidth: the width a table must fit (the terminal's); nil leaves every text whole.
    ///   - output: receives the text in order, a row (or a page) at a time.
    public init(
        _ columns: [Column<Row>], as format: OutputFormat, personalData: PersonalData, maxWidth: Int? = nil,
        pageSize: Int = 1000, to output: @escaping (String) -> Void
    ) {
        self.columns = columns
        keys = columns.map(\.key)
        self.format = format
        self.personalData = personalData
        self.output = output
        shown = columns.indices.filter { columns[$0].inTable && columns[$0].kind != .objects }
        let visible = shown.map { columns[$0] }
        table = TablePages(
            headers: visible.map(\.header), leftAligned: visible.map(\.kind.leftAligned),
            cuttable: visible.firstIndex(where: \.cuttable), maxWidth: maxWidth, pageSize: pageSize)
        totals = Array(repeating: 0, count: shown.count)
    }

    /// The CSV header, written with the first row or at the finish: a command that fails before its
    /// first row has written nothing.
    private func writeHeader() {
        output(columns.filter { $0.kind != .objects }.map { CSV.field($0.key) }.joined(separator: ",") + "\r\n")
    }

    public mutating func write(_ row: Row) {
        if format == .csv && count == 0 { writeHeader() }
        let cells = columns.map { $0.cell(row, personalData) }
        switch format {
        case .json:
            var text = count == 0 ? "[\n  " : ",\n  "
            JSON.append(object: keys, cells, to: &text)
            output(text)
        case .csv:
            output(zip(columns, cells).filter { $0.0.kind != .objects }.map { CSV.field($1) }.joined(separator: ",")
                + "\r\n")
        case .table:
            var texts: [String] = []
            for (position, index) in shown.enumerated() {
                let kind = columns[index].kind
                if kind == .summedAmount, case .integer(let value?) = cells[index] { totals[position] += value }
                texts.append(Self.display(cells[index], kind: kind))
            }
            table.add(texts, output)
        }
        count += 1
    }

    /// Writes every row of a sequence and finishes.
    public mutating func write(all rows: some Sequence<Row>) {
        for row in rows { write(row) }
        finish()
    }

    /// Closes the array, or ends the table with its count line and the totals of summed amounts.
    public mutating func finish() {
        switch format {
        case .json: output(count == 0 ? "[]\n" : "\n]\n")
        case .csv: if count == 0 { writeHeader() }
        case .table:
            table.finish(output)
            var summary = "\(count) \(count == 1 ? "rij" : "rijen")"
            for (position, index) in shown.enumerated() where columns[index].kind == .summedAmount && count > 0 {
                summary += ", totaal \(columns[index].header): \(Euro.format(totals[position]))"
            }
            output(summary + "\n")
        }
    }

    /// A cell as people read it in a table: amounts in euros, lists space-separated.
    private static func display(_ cell: Cell, kind: ColumnKind) -> String {
        switch cell {
        case .text(let value): value ?? ""
        case .integer(let value):
            value.map { kind == .amount || kind == .summedAmount ? Euro.format($0) : String($0) } ?? ""
        case .list(let values): values.joined(separator: " ")
        case .integers(let values): values.map(String.init).joined(separator: " ")
        case .objects: ""
        case .percentage(let share): share.map { Percentage.text($0, decimal: ",") + " %" } ?? ""
        }
    }
}

extension RowWriter where Row: QueryRow {
    public init(
        as format: OutputFormat, personalData: PersonalData, maxWidth: Int? = nil, pageSize: Int = 1000,
        to output: @escaping (String) -> Void
    ) {
        self.init(
            Row.columns, as: format, personalData: personalData, maxWidth: maxWidth, pageSize: pageSize, to: output)
    }
}
