internal import Berichten

/// Day arithmetic on the standard's date for scheduling traffic: a trajectory is planned in days
/// and werkdagen, and its traffic bucketed by month. Done on a day number, because Foundation's
/// calendar would be far too slow for a million messages and is not needed for the proleptic
/// Gregorian calendar.
extension Datum {
    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    var dagnummer: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date with day number `dagnummer` (`civil_from_days`).
    init(dagnummer: Int) {
        let z = dagnummer + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let dag = doy - (153 * mp + 2) / 5 + 1
        let maand = mp < 10 ? mp + 3 : mp - 9
        // Every day number maps to an existing date, so the failable initialiser cannot fail.
        self.init(year: yoe + era * 400 + (maand <= 2 ? 1 : 0), month: maand, day: dag)!
    }

    func plus(dagen: Int) -> Datum { Datum(dagnummer: dagnummer + dagen) }

    func dagen(tot other: Datum) -> Int { other.dagnummer - dagnummer }

    /// ISO weekday: 1 is Monday, 7 is Sunday.
    var weekdag: Int { Datum.weekdag(dagnummer: dagnummer) }

    /// The ISO weekday of a day number (1970-01-01 was a Thursday).
    private static func weekdag(dagnummer: Int) -> Int { ((dagnummer + 3) % 7 + 7) % 7 + 1 }

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
    /// Steps on the day number, so the date is built once rather than for every day passed.
    func plus(werkdagen aantal: Int) -> Datum {
        guard aantal > 0 else { return self }
        var nummer = dagnummer
        var rest = aantal
        while rest > 0 {
            nummer += 1
            if Datum.weekdag(dagnummer: nummer) <= 5 { rest -= 1 }
        }
        return Datum(dagnummer: nummer)
    }

    /// Months since year 0, the key under which the scenario buckets its traffic.
    var maandIndex: Int { year * 12 + month - 1 }

    /// The first day of the month with index `maandIndex`.
    static func eersteDag(maandIndex: Int) -> Datum {
        Datum(year: maandIndex / 12, month: maandIndex % 12 + 1, day: 1)!
    }
}
