/// Rows of a query result, printed as an aligned table for people, JSON for scripts or CSV
/// for spreadsheets. One description of the columns serves all three.
struct ResultTable {
    struct Column {
        /// The contract's JSON key, also the CSV header.
        var key: String
        /// The header people see in a table.
        var header: String
        var kind: Kind
        /// False for a column a table row already says in words (JSON and CSV keep it).
        var inTable: Bool

        init(_ key: String, _ header: String? = nil, _ kind: Kind = .text, inTable: Bool = true) {
            self.key = key
            self.header = header ?? key
            self.kind = kind
            self.inTable = inTable
        }
    }

    enum Kind {
        case text
        case integer
        /// Integer eurocent shown as euros, without a total: a tarief or a budget adds up to nothing.
        case amount
        /// Integer eurocent shown as euros, totalled under the table: a bedrag does add up.
        case summedAmount
        case list
        /// Nested objects, in JSON only: details a table row says in words and a CSV cell cannot hold.
        case objects
    }

    enum Cell {
        case text(String?)
        case integer(Int64?)
        case list([String])
        /// Numbers in a `.list` column, e.g. log positions: a JSON array of integers.
        case integers([Int64])
        /// Objects of key–cell pairs, keys in the order given.
        case objects([[(key: String, value: Cell)]])
        /// A share from 0 to 1, shown as a percentage with one decimal (a JSON number, `87.5`).
        case percentage(Double?)
    }

    var columns: [Column]
    var rows: [[Cell]] = []

    /// Renders the rows; a table ends with a count line (and totals of the summed amounts).
    func rendered(as format: OutputFormat) -> String {
        switch format {
        case .json: json
        case .csv: csv
        case .table: table
        }
    }

    private var json: String {
        guard !rows.isEmpty else { return "[]\n" }
        var out = "[\n"
        for (rowIndex, row) in rows.enumerated() {
            out += "  " + Self.json(object: zip(columns, row).map { ($0.key, $1) })
            out += rowIndex == rows.count - 1 ? "\n" : ",\n"
        }
        return out + "]\n"
    }

    private static func json(object: [(key: String, value: Cell)]) -> String {
        "{" + object.map { JSON.string($0.key) + ": " + json($0.value) }.joined(separator: ", ") + "}"
    }

    private static func json(_ cell: Cell) -> String {
        switch cell {
        case .text(let value): value.map(JSON.string) ?? "null"
        case .integer(let value): value.map(String.init) ?? "null"
        case .list(let values): "[" + values.map(JSON.string).joined(separator: ", ") + "]"
        case .integers(let values): "[" + values.map(String.init).joined(separator: ", ") + "]"
        case .objects(let objects): "[" + objects.map(json(object:)).joined(separator: ", ") + "]"
        case .percentage(let share): share.map { percentage($0, decimal: ".") } ?? "null"
        }
    }

    private var csv: String {
        let kept = columns.indices.filter { columns[$0].kind != .objects }
        var lines = [kept.map { CSV.field(columns[$0].key) }.joined(separator: ",")]
        for row in rows {
            lines.append(kept.map { index in
                switch row[index] {
                case .text(let value): CSV.field(value ?? "")
                case .integer(let value): value.map(String.init) ?? ""
                case .list(let values): CSV.field(values.joined(separator: " "))
                case .integers(let values): values.map(String.init).joined(separator: " ")
                case .objects: ""
                case .percentage(let share): share.map { Self.percentage($0, decimal: ".") } ?? ""
                }
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private var table: String {
        let shown = columns.indices.filter { columns[$0].inTable && columns[$0].kind != .objects }
        let visible = shown.map { columns[$0] }
        let texts: [[String]] = rows.map { row in shown.map { Self.display(row[$0], kind: columns[$0].kind) } }
        var widths = visible.map { $0.header.count }
        for row in texts {
            for (index, text) in row.enumerated() { widths[index] = max(widths[index], text.count) }
        }
        func line(_ cells: [String]) -> String {
            zip(cells, zip(visible, widths)).map { text, pair in
                let padding = String(repeating: " ", count: pair.1 - text.count)
                return pair.0.kind == .text || pair.0.kind == .list ? text + padding : padding + text
            }.joined(separator: "  ").replacingTrailingSpaces()
        }
        var out = [line(visible.map(\.header)), line(widths.map { String(repeating: "-", count: $0) })]
        out += texts.map(line)
        var summary = "\(rows.count) \(rows.count == 1 ? "rij" : "rijen")"
        for (index, column) in zip(shown, visible) where column.kind == .summedAmount && !rows.isEmpty {
            let total = rows.reduce(Int64(0)) { sum, row in
                if case .integer(let value?) = row[index] { return sum + value }
                return sum
            }
            summary += ", totaal \(column.header): \(Euro.format(total))"
        }
        out.append(summary)
        return out.joined(separator: "\n") + "\n"
    }

    private static func display(_ cell: Cell, kind: Kind) -> String {
        switch cell {
        case .text(let value): value ?? ""
        case .integer(let value):
            value.map { kind == .amount || kind == .summedAmount ? Euro.format($0) : String($0) } ?? ""
        case .list(let values): values.joined(separator: " ")
        case .integers(let values): values.map(String.init).joined(separator: " ")
        case .objects: ""
        case .percentage(let share): share.map { percentage($0, decimal: ",") + " %" } ?? ""
        }
    }

    /// `0.875` → `87.5`: one decimal, with the decimal separator of the format.
    private static func percentage(_ share: Double, decimal: String) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10)\(decimal)\(tenths % 10)"
    }
}

private extension String {
    func replacingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}

/// Amounts as people in the Netherlands read them: `1.234,56`.
enum Euro {
    static func format(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        var whole = String(magnitude / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "." + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        let fraction = magnitude % 100
        return sign + whole + grouped + "," + (fraction < 10 ? "0" : "") + String(fraction)
    }
}

enum JSON {
    /// A JSON string literal, escaped per RFC 8259.
    static func string(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

enum CSV {
    /// A field per RFC 4180: quoted when it holds a comma, a quote or a line break.
    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        var out = "\""
        for character in value {
            out += character == "\"" ? "\"\"" : String(character)
        }
        return out + "\""
    }
}
