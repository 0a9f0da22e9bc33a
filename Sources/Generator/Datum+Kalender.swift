internal import Berichten

/// The generator's calendar on top of Berichten's day arithmetic: a trajectory is planned in
/// werkdagen and its traffic bucketed by month.
extension Datum {
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
