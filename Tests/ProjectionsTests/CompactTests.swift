import Berichten
import Ledger
import Projection
import TestSupport
import Testing

/// What a fact table stores small, its view reads back exactly, in a real SQLite file; what has
/// no small form is stored as the text it is.
@Suite struct CompactTests {
    /// One row per value written, read back through the SQL that `Compact` gives for the column.
    private static func roundTrip(_ values: [SQLValue], decode: (String) -> String) throws -> [(String, String?)] {
        let work = try WorkDirectory()
        let database = try ProjectionDatabase(path: work.path("compact.sqlite"))
        try database.connection.execute(
            "CREATE TABLE feiten (rij INTEGER PRIMARY KEY, waarde ANY, afzender TEXT, ontvanger TEXT) STRICT")
        for (index, value) in values.enumerated() {
            try database.run("INSERT INTO feiten VALUES (?1, ?2, '0344', '73008505')", [.integer(index), value])
        }
        return try database.connection.rows("SELECT typeof(waarde), \(decode("waarde")) FROM feiten ORDER BY rij") {
            ($0.string(0), $0.optionalString(1))
        }
    }

    @Test func aDateIsADayNumberAndReadsBackAsItsText() throws {
        let data = ["0001-01-01", "1969-12-31", "1970-01-01", "2024-02-29", "2025-12-31", "9999-12-31"]
        let rijen = try Self.roundTrip(data.map { Compact.datum(Datum($0)) } + [Compact.datum(nil as Datum?)]) {
            Compact.datum(sql: $0)
        }
        #expect(rijen.map(\.0) == Array(repeating: "integer", count: data.count) + ["null"])
        #expect(rijen.map(\.1) == data + [nil])
    }

    @Test func aTextThatIsNoDateStaysText() throws {
        let teksten = ["2025-02-30", "2025-1-01", "20250101", "", "2025-12-31"]
        let rijen = try Self.roundTrip(teksten.map { Compact.datum($0) }) { Compact.datum(sql: $0) }
        #expect(rijen.map(\.0) == ["text", "text", "text", "text", "integer"])
        #expect(rijen.map(\.1) == teksten)
    }

    @Test func aCodeIsItsPlaceInTheListAndAnyOtherValueItsText() throws {
        let lijst = ["bestand", "vecozo", "ggk"]
        let waarden: [String?] = ["bestand", "ggk", "0", "1", "sftp", "it's", nil]
        let rijen = try Self.roundTrip(waarden.map { Compact.choice($0, among: lijst) }) {
            Compact.choice(sql: $0, among: Compact.literals(lijst))
        }
        #expect(rijen.map(\.0) == ["integer", "integer", "text", "text", "text", "text", "null"])
        #expect(rijen.map(\.1) == waarden)
    }

    @Test func aCopyOfAnotherColumnIsAReferenceToIt() throws {
        let partijen: [String?] = ["0344", "73008505"]
        let waarden: [String?] = ["0344", "73008505", "0599", nil]
        let rijen = try Self.roundTrip(waarden.map { Compact.choice($0, among: partijen) }) {
            Compact.choice(sql: $0, among: ["afzender", "ontvanger"])
        }
        #expect(rijen.map(\.0) == ["integer", "integer", "text", "null"])
        #expect(rijen.map(\.1) == waarden)
    }

    @Test func aCodeOfDigitsIsANumberThatKeepsItsLeadingZeros() throws {
        let waarden: [String?] = ["0344", "73008505", "0", "000000000", "03A4", "", " 0344", nil]
        let rijen = try Self.roundTrip(waarden.map { Compact.cijfers($0) }) { Compact.cijfers(sql: $0) }
        #expect(rijen.map(\.0) == ["integer", "integer", "integer", "integer", "text", "text", "text", "null"])
        #expect(rijen.map(\.1) == waarden)
        #expect(Compact.cijfers("0344") == .integer(10_344))
    }
}
