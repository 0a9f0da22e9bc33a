import Berichten
import Reconciliatie
import Testing

/// Contract files: columns, one-line errors naming file and line, and the payload around them.
@Suite struct ContractCSVTests {
    static let kop = "gemeente,aanbieder,productcategorie,productcode,begindatum,einddatum,tarief\n"

    @Test func readsTariffsWithAndWithoutEnd() throws {
        let regels = try ContractCSV.regels(Array((Self.kop + """
            0384,42420001,45,45A03,2025-01-01,2025-12-31,9850\r
            0384,42420001,45,45A03,2026-01-01,,10100

            """).utf8), bestand: "c.csv")
        #expect(regels.map(\.tarief) == [9850, 10100])
        #expect(regels[0].einddatum == Datum("2025-12-31") && regels[1].einddatum == nil)
    }

    @Test(arguments: [
        ("0384,4242001,45,45A03,2025-01-01,,9850", "c.csv:2: aanbieder '4242001' is not an 8-digit AGB code"),
        ("384,42420001,45,45A03,2025-01-01,,9850", "c.csv:2: gemeente '384' is not a 4-digit CBS code"),
        ("0384,42420001,45,45A03,2025-02-30,,9850", "c.csv:2: begindatum '2025-02-30' is not YYYY-MM-DD"),
        ("0384,42420001,45,45A03,2025-02-01,2025-01-01,9850",
         "c.csv:2: einddatum 2025-01-01 lies before begindatum 2025-02-01"),
        ("0384,42420001,45,45A03,2025-01-01,,98.50", "c.csv:2: tarief '98.50' is not a whole number of eurocent"),
        ("0384,42420001,45,45A03,2025-01-01,", "c.csv:2: expected 7 fields, found 6"),
        ("0384,42420001,45,45A03,2025-01-01,,9850\n0384,42420001,45,45A03,2025-06-01,,9900",
         "c.csv:3: the period overlaps line 2 for the same gemeente, aanbieder and product"),
    ])
    func refusesAWrongLineWithFileAndLine(regel: String, melding: String) {
        #expect(throws: ContractFout.self) { try ContractCSV.regels(Array((Self.kop + regel).utf8), bestand: "c.csv") }
        do {
            _ = try ContractCSV.regels(Array((Self.kop + regel).utf8), bestand: "c.csv")
        } catch {
            #expect(error.description == melding)
        }
    }

    /// The optional 8th column: the Eenheid the tarief is per; empty means the prestatie's own.
    @Test func readsTheEenheidColumn() throws {
        let kop = "gemeente,aanbieder,productcategorie,productcode,begindatum,einddatum,tarief,eenheid\n"
        let regels = try ContractCSV.regels(Array((kop + """
            0384,42420001,45,45A03,2025-01-01,,6500,04
            0384,42420001,45,45A04,2025-01-01,,108,01
            0384,42420001,45,45A05,2025-01-01,,9850,
            """).utf8), bestand: "c.csv")
        #expect(regels.map(\.eenheid) == [.uur, .minuut, nil])
        #expect(try ContractCSV.regels(Array((Self.kop + "0384,42420001,45,45A03,2025-01-01,,9850").utf8), bestand: "c.csv")
            .map(\.eenheid) == [nil], "a 7-column file still loads")
        for (regel, melding) in [
            ("0384,42420001,45,45A03,2025-01-01,,6500,05", "c.csv:2: eenheid '05' is not in codelist Eenheid (01, 04, 14, 16, 82, 83, 84)"),
            ("0384,42420001,45,45A03,2025-01-01,,6500", "c.csv:2: expected 8 fields, found 7"),
        ] {
            do {
                _ = try ContractCSV.regels(Array((kop + regel).utf8), bestand: "c.csv")
                Issue.record("accepted \(regel)")
            } catch {
                #expect(error.description == melding)
            }
        }
    }

    @Test func refusesAWrongHeader() {
        #expect(throws: ContractFout.self) { try ContractCSV.regels(Array("gemeente;aanbieder\n".utf8), bestand: "c.csv") }
    }

    @Test func vastleggingKeepsTheBytesExactly() throws {
        let bytes = Array((Self.kop + "0384,42420001,45,45A03,2025-01-01,,9850\r\n").utf8)
        let vastlegging = Vastlegging(door: "j.jansen", op: "2026-03-02T09:15:00Z", inhoud: bytes)
        let terug = try #require(Vastlegging(vastlegging.bytes))
        #expect(terug == vastlegging)
        #expect(Vastlegging(bytes) == nil)
    }
}
