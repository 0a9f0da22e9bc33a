/// A calendar date without time zone (LDT_Datum), stored as days since 1970-01-01.
///
/// The generator does all its date arithmetic on this integer; Foundation's calendar would be far
/// too slow for a million messages and is not needed for the proleptic Gregorian calendar.
struct Datum: Hashable, Comparable {
    var dagnummer: Int

    init(dagnummer: Int) { self.dagnummer = dagnummer }

    /// Civil date to day number (Howard Hinnant's `days_from_civil`).
    init(jaar: Int, maand: Int, dag: Int) {
        let y = maand <= 2 ? jaar - 1 : jaar
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (maand + 9) % 12
        let doy = (153 * mp + 2) / 5 + dag - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        dagnummer = era * 146_097 + doe - 719_468
    }

    /// Day number to civil date (`civil_from_days`).
    var delen: (jaar: Int, maand: Int, dag: Int) {
        let z = dagnummer + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let dag = doy - (153 * mp + 2) / 5 + 1
        let maand = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (maand <= 2 ? 1 : 0), maand, dag)
    }

    static func < (lhs: Datum, rhs: Datum) -> Bool { lhs.dagnummer < rhs.dagnummer }

    func plus(dagen: Int) -> Datum { Datum(dagnummer: dagnummer + dagen) }

    func dagen(tot other: Datum) -> Int { other.dagnummer - dagnummer }

    /// ISO weekday: 1 is Monday, 7 is Sunday (1970-01-01 was a Thursday).
    var weekdag: Int { ((dagnummer % 7 + 7) % 7 + 3) % 7 + 1 }

    var isWerkdag: Bool { weekdag <= 5 }

    /// The Monday of this date's ISO week, used to count the (partial) weeks a period touches.
    var maandagVanWeek: Datum { plus(dagen: 1 - weekdag) }

    /// This date, or the next working day when it falls in a weekend.
    var werkdagOfVolgende: Datum {
        switch weekdag {
        case 6: plus(dagen: 2)
        case 7: plus(dagen: 1)
        default: self
        }
    }

    /// Moves `aantal` working days forward (weekends only; public holidays do not matter here).
    func plus(werkdagen aantal: Int) -> Datum {
        var datum = self
        var rest = aantal
        while rest > 0 {
            datum = datum.plus(dagen: 1)
            if datum.isWerkdag { rest -= 1 }
        }
        return datum
    }

    /// Months since year 0, the key under which the scenario buckets its traffic.
    var maandIndex: Int {
        let d = delen
        return d.jaar * 12 + d.maand - 1
    }

    static func eersteDag(maandIndex: Int) -> Datum {
        Datum(jaar: maandIndex / 12, maand: maandIndex % 12 + 1, dag: 1)
    }

    static func laatsteDag(maandIndex: Int) -> Datum {
        eersteDag(maandIndex: maandIndex + 1).plus(dagen: -1)
    }
}
