import Berichten
import Testing

@Suite("Dates and times written as the standard writes them")
struct DatumTijdTekstTests {
    @Test func aDateIsWrittenYYYYMMDD() throws {
        #expect(try #require(Datum(year: 1, month: 1, day: 1)).description == "0001-01-01")
        #expect(try #require(Datum(year: 2027, month: 6, day: 9)).description == "2027-06-09")
        #expect(try #require(Datum(year: 9999, month: 12, day: 31)).description == "9999-12-31")
        #expect(try #require(Datum("2024-02-29")).description == "2024-02-29")
    }

    @Test func aTimeIsWrittenHHMMSS() throws {
        #expect(try #require(Tijd(hour: 0, minute: 0, second: 0)).description == "00:00:00")
        #expect(try #require(Tijd(hour: 9, minute: 5, second: 30)).description == "09:05:30")
        #expect(try #require(Tijd(hour: 23, minute: 59, second: 59)).description == "23:59:59")
        #expect(try #require(Tijd("12:34:56.789")).description == "12:34:56")
    }
}
