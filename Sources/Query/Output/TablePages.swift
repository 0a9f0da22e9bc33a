/// An aligned table written a page at a time: the first page of rows sets the column widths, so
/// rows pass through in constant memory whatever the size of the answer. A later cell that is
/// wider than its column pushes the rest of its line to the right instead of widening the table.
///
/// With a `maxWidth` (the terminal's), the one cuttable column (a toelichting or omschrijving)
/// narrows until the line fits, down to its header or ``minimumCut`` characters, and its longer
/// texts end in `…`.
struct TablePages {
    let headers: [String]
    let leftAligned: [Bool]
    let cuttable: Int?
    let maxWidth: Int?
    let pageSize: Int
    private var page: [[String]] = []
    private var widths: [Int]?

    /// A cut column keeps at least this many characters, enough to say what a finding is about.
    static let minimumCut = 20

    init(headers: [String], leftAligned: [Bool], cuttable: Int?, maxWidth: Int?, pageSize: Int) {
        self.headers = headers
        self.leftAligned = leftAligned
        self.cuttable = cuttable
        self.maxWidth = maxWidth
        self.pageSize = max(pageSize, 1)
    }

    /// Takes one row's texts; writes them, or keeps them until the first page is full.
    mutating func add(_ cells: [String], _ output: (String) -> Void) {
        guard let widths else {
            page.append(cells)
            if page.count == pageSize { writePage(output) }
            return
        }
        output(line(cells, widths) + "\n")
    }

    /// Writes what the first page still holds (or just the headers when there were no rows).
    mutating func finish(_ output: (String) -> Void) {
        if widths == nil { writePage(output) }
    }

    private mutating func writePage(_ output: (String) -> Void) {
        let widths = Self.widths(headers, page, cuttable: cuttable, maxWidth: maxWidth)
        self.widths = widths
        var text = line(headers, widths) + "\n" + line(widths.map { String(repeating: "-", count: $0) }, widths) + "\n"
        for cells in page { text += line(cells, widths) + "\n" }
        page = []
        output(text)
    }

    /// The widest text per column; the cuttable column narrowed until the line fits `maxWidth`.
    static func widths(_ headers: [String], _ rows: [[String]], cuttable: Int?, maxWidth: Int?) -> [Int] {
        var widths = headers.map(\.count)
        for row in rows {
            for (index, text) in row.enumerated() { widths[index] = max(widths[index], text.count) }
        }
        if let cuttable, let maxWidth {
            let total = widths.reduce(0, +) + 2 * (widths.count - 1)
            if total > maxWidth {
                let floor = max(headers[cuttable].count, minimumCut)
                widths[cuttable] = max(min(widths[cuttable], floor), widths[cuttable] - (total - maxWidth))
            }
        }
        return widths
    }

    private func line(_ cells: [String], _ widths: [Int]) -> String {
        var out = ""
        for (index, cell) in cells.enumerated() {
            var text = cell
            if index == cuttable, text.count > widths[index] { text = String(text.prefix(widths[index] - 1)) + "…" }
            let padding = String(repeating: " ", count: max(widths[index] - text.count, 0))
            if index > 0 { out += "  " }
            out += leftAligned[index] ? text + padding : padding + text
        }
        while out.last == " " { out.removeLast() }
        return out
    }
}
