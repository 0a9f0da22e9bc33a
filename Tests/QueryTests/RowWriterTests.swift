import Query
import Reconciliatie
import Testing

/// The writer in every format, a row at a time, and a table cut to a width.
@Suite("Row writer")
struct RowWriterTests {
    static let lang = "prestatie RN001 declareert 12 uur boven de toegewezen 8 uur per week in de periode 2025-03-03 t/m 2025-03-09"

    static func bevinding(_ regel: String, toelichting: String, bedrag: Int?) -> Constatering {
        Constatering(
            regel: regel, ernst: .fout, toelichting: toelichting, standaard: "iJw", gemeente: "0363",
            aanbieder: "73406163", bsn: "123456782", toewijzingNummer: 42, declaratieNummer: "D1",
            referentieNummer: "RN001", posities: [3, 7], bedrag: bedrag)
    }

    static let bevindingen = [
        bevinding("TR338", toelichting: lang, bedrag: 1250), bevinding("OP090", toelichting: "kort", bedrag: -250),
        bevinding("TR418", toelichting: "te hoog tarief", bedrag: nil),
    ]

    static func written(
        _ rows: [Constatering], as format: OutputFormat, show: Bool = false, maxWidth: Int? = nil, pageSize: Int = 1000
    ) -> (text: String, writes: Int) {
        var text = ""
        var writes = 0
        var writer = RowWriter<Constatering>(
            as: format, personalData: PersonalData(show: show), maxWidth: maxWidth, pageSize: pageSize
        ) {
            text += $0
            writes += 1
        }
        writer.write(all: rows)
        return (text, writes)
    }

    /// Each row is written as it comes (one write per row, plus the opening and closing).
    @Test func jsonStreams() throws {
        let (text, writes) = Self.written(Self.bevindingen, as: .json)
        #expect(writes == Self.bevindingen.count + 1)
        #expect(text.hasPrefix("[\n  {\"standaard\": \"iJw\""))
        #expect(text.hasSuffix("}\n]\n"))
        #expect(text.contains("\"toelichting\": \"\(Self.lang)\""), "JSON keeps the whole text")
        #expect(text.contains("\"bsn\": \"*****6782\""))
        #expect(text.contains("\"posities\": [3, 7]"))
        #expect(text.contains("\"bedrag\": null"))
        #expect(Self.written([], as: .json).text == "[]\n")
    }

    /// A text with a quote, a backslash or a control character is escaped per RFC 8259; one
    /// without (almost every text, copied whole) and non-ASCII text are written as they are.
    @Test func jsonEscapes() {
        let lastig = Self.bevinding("TR338", toelichting: "zegt \"nee\"\\\n\tdaarna\u{1}", bedrag: nil)
        let gewoon = Self.bevinding("TR338", toelichting: "één € 🙂 /", bedrag: nil)
        let text = Self.written([lastig, gewoon], as: .json).text
        #expect(text.contains(#""toelichting": "zegt \"nee\"\\\n\tdaarna\u0001""#))
        #expect(text.contains(#""toelichting": "één € 🙂 /""#))
    }

    @Test func csvStreams() {
        let (text, writes) = Self.written(Self.bevindingen, as: .csv, show: true)
        #expect(writes == Self.bevindingen.count + 1)
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(lines.count == Self.bevindingen.count + 2 && lines.last == "")
        #expect(lines[0].hasPrefix("standaard,gemeente,aanbieder,regel,ernst,toelichting,bsn,"))
        #expect(lines[1].contains(",\(Self.lang),123456782,42,D1,RN001,3 7,1250,"))
        #expect(Self.written([], as: .csv).text.split(separator: "\r\n").count == 1)
    }

    /// The first page sets the widths; later rows follow them; the totals count every row.
    @Test func tableInPages() {
        let (text, _) = Self.written(Self.bevindingen, as: .table, pageSize: 2)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 2 + Self.bevindingen.count + 1)
        #expect(lines.last == "3 rijen, totaal bedrag: 10,00")
        let kolom = Self.offset(of: "toelichting", in: lines[0])
        #expect(lines[3].dropFirst(kolom).hasPrefix("kort "))
        #expect(lines[4].dropFirst(kolom).hasPrefix("te hoog tarief"))
        #expect(!text.contains("…"), "no width, no cut")
    }

    /// On a terminal the toelichting is cut so each line fits; the other columns stay whole.
    @Test func tableCutToWidth() {
        let whole = Self.written(Self.bevindingen, as: .table).text.split(separator: "\n")
        #expect(whole.map(\.count).max()! > 180)
        let cut = Self.written(Self.bevindingen, as: .table, maxWidth: 180).text.split(separator: "\n").map(String.init)
        #expect(cut.allSatisfy { $0.count <= 180 }, "\(cut.map(\.count))")
        #expect(cut[2].contains("prestatie RN001 declareert") && cut[2].contains("…"))
        #expect(cut[2].hasSuffix("12,50"), "the columns after the cut one stay whole")
        #expect(cut[3].contains("kort") && !cut[3].contains("…"))
        // A width that leaves too little keeps the column readable (20 characters) rather than empty.
        let narrow = Self.written(Self.bevindingen, as: .table, maxWidth: 40).text.split(separator: "\n")
        let start = Self.offset(of: "toelichting", in: String(narrow[0]))
        #expect(narrow[1].dropFirst(start).prefix(21) == String(repeating: "-", count: 20) + " ")
    }

    /// Where `name` starts in `line`, in characters.
    static func offset(of name: String, in line: String) -> Int {
        let characters = Array(line)
        let wanted = Array(name)
        return (0...(characters.count - wanted.count)).first { Array(characters[$0..<$0 + wanted.count]) == wanted } ?? -1
    }

    /// A table built in memory renders like the streamed one.
    @Test func resultTableAgrees() {
        let table = ResultTable(Self.bevindingen, personalData: PersonalData(show: false))
        #expect(table.rendered(as: .json) == Self.written(Self.bevindingen, as: .json).text)
        #expect(table.rendered(as: .csv) == Self.written(Self.bevindingen, as: .csv).text)
    }
}
