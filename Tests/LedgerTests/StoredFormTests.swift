import Ledger
import Testing

/// A value kept in its stored form comes back as exactly the text it was, and a text the form
/// cannot give back exactly is kept as that text.
@Suite("Values kept in their stored form")
struct StoredFormTests {
    @Test func daysAreKeptAsDayNumbers() {
        let cases: [(String, Int)] = [
            ("1970-01-01", 0), ("1969-12-31", -1), ("2025-08-20", 20_320), ("2024-02-29", 19_782),
            ("2000-02-29", 11_016), ("0000-01-01", -719_528), ("9999-12-31", 2_932_896),
        ]
        for (text, number) in cases {
            #expect(StoredForm.day.stored(.text(text)) == .integer(number), "\(text)")
            #expect(StoredForm.day.value(.integer(number)) == .text(text), "\(number)")
        }
    }

    @Test func everyDayOfTwoCenturiesComesBackAsItWas() {
        var previous: Int?
        for number in -25_567...47_846 {  // 1900-01-01 … 2100-12-31
            guard case .text(let text)? = StoredForm.day.value(.integer(number)) else {
                Issue.record("day \(number) has no text")
                return
            }
            #expect(StoredForm.day.stored(.text(text)) == .integer(number))
            if let previous { #expect(previous == number - 1) }
            previous = number
        }
    }

    @Test func aTextThatIsNotExactlyADayStaysText() {
        for text in [
            "2025-02-29", "1900-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-08-00", "2025-8-20",
            "20250820", " 2025-08-20", "2025-08-20 ", "2025/08/20", "2025-08-2x", "-025-08-20", "", "morgen",
        ] {
            #expect(StoredForm.day.stored(.text(text)) == .text(text), "\(text)")
        }
    }

    @Test func momentsAreKeptAsMilliseconds() {
        let cases: [(String, Int)] = [
            ("1970-01-01T00:00:00.000Z", 0), ("1969-12-31T23:59:59.999Z", -1),
            ("2026-12-05T13:11:32.352Z", 1_796_476_292_352), ("2024-02-29T23:59:59.999Z", 1_709_251_199_999),
        ]
        for (text, number) in cases {
            #expect(StoredForm.moment.stored(.text(text)) == .integer(number), "\(text)")
            #expect(StoredForm.moment.value(.integer(number)) == .text(text), "\(number)")
        }
        let now = Timestamp.now()
        guard case .integer(let number)? = StoredForm.moment.stored(.text(now)) else {
            Issue.record("\(now) is not kept as a number")
            return
        }
        #expect(StoredForm.moment.value(.integer(number)) == .text(now))
    }

    @Test func aTextThatIsNotExactlyAMomentStaysText() {
        for text in [
            "2026-12-05T13:11:32Z", "2026-12-05T13:11:32.35Z", "2026-12-05T24:00:00.000Z", "2016-12-31T23:59:60.000Z",
            "2026-12-05 13:11:32.352Z", "2026-12-05T13:11:32.352+01:00", "2026-12-05T13:11:32.352z",
            "2026-02-30T13:11:32.352Z", "2026-03-02T09:15:00+01:00",
        ] {
            #expect(StoredForm.moment.stored(.text(text)) == .text(text), "\(text)")
        }
    }

    @Test func aCodeOfTheListIsKeptAsItsPlace() {
        let form = StoredForm.choice(["bestand", "vecozo", "ggk"])
        #expect(form.stored(.text("bestand")) == .integer(0))
        #expect(form.stored(.text("ggk")) == .integer(2))
        #expect(form.value(.integer(1)) == .text("vecozo"))
        #expect(form.stored(.text("fax")) == .text("fax"))
        #expect(form.stored(.text("Bestand")) == .text("Bestand"))
        #expect(form.value(.text("fax")) == .text("fax"))
    }

    /// A code of digits keeps its leading zeros: the number starts with a 1 that marks where they begin.
    @Test func aCodeOfDigitsIsKeptAsANumberWithItsLeadingZeros() {
        let cases: [(String, Int)] = [
            ("0014", 10_014), ("0363", 10_363), ("73884007", 173_884_007), ("012345672", 1_012_345_672),
            ("0", 10), ("000000000000000000", 1_000_000_000_000_000_000), ("999999999999999999", 1_999_999_999_999_999_999),
        ]
        for (text, number) in cases {
            #expect(StoredForm.digits.stored(.text(text)) == .integer(number), "\(text)")
            #expect(StoredForm.digits.value(.integer(number)) == .text(text), "\(number)")
        }
        for text in ["", "0014 ", "-14", "+14", "12a4", "１２", "0000000000000000000"] {
            #expect(StoredForm.digits.stored(.text(text)) == .text(text), "\(text)")
        }
    }

    /// A number the form cannot have written (changed behind the ledger's back) comes back as
    /// that number, which no text equals, so the chain points at it.
    @Test func aNumberNoFormWroteComesBackAsItIs() {
        #expect(StoredForm.choice(["a", "b"]).value(.integer(2)) == .integer(2))
        #expect(StoredForm.choice(["a", "b"]).value(.integer(-1)) == .integer(-1))
        #expect(StoredForm.day.value(.integer(3_000_000)) == .integer(3_000_000))
        #expect(StoredForm.day.value(.integer(.min)) == .integer(.min))
        #expect(StoredForm.moment.value(.integer(.max)) == .integer(.max))
        for number in [0, 1, 9, 20_014, -10_014, Int.max] {
            #expect(StoredForm.digits.value(.integer(number)) == .integer(number), "\(number)")
        }
    }

    @Test func valuesOfOtherTypesAndNothingAreKeptAsTheyAre() {
        for form in [StoredForm.asGiven, .day, .moment, .choice(["1"]), .digits] {
            #expect(form.stored(nil) == nil)
            #expect(form.stored(.integer(1)) == .integer(1))
            #expect(form.stored(.blob([1, 2])) == .blob([1, 2]))
            #expect(form.value(nil) == nil)
        }
        #expect(StoredForm.asGiven.stored(.text("2025-08-20")) == .text("2025-08-20"))
    }
}
