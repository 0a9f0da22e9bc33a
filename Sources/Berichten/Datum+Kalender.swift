/// Day arithmetic on the standard's date, on a day number: deadlines, ISO weeks and the
/// generator's schedules need nothing more, and Foundation's calendars would bring time zones
/// into plain dates (and are far too slow for a million messages).
extension Datum {
    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    public var dagnummer: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date with day number `dagnummer` (`civil_from_days`).
    public init(dagnummer: Int) {
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

    public func plus(dagen: Int) -> Datum { Datum(dagnummer: dagnummer + dagen) }

    /// The number of days from this date to `other` (negative when `other` lies before it).
    public func dagen(tot other: Datum) -> Int { other.dagnummer - dagnummer }

    /// ISO weekday: 1 is Monday, 7 is Sunday.
    public var weekdag: Int { Datum.weekdag(dagnummer: dagnummer) }

    /// The ISO weekday of a day number (1970-01-01 was a Thursday), for loops over day numbers.
    public static func weekdag(dagnummer: Int) -> Int { ((dagnummer + 3) % 7 + 7) % 7 + 1 }

    /// The Monday of this date's ISO week.
    public var maandag: Datum { plus(dagen: 1 - weekdag) }

    public var eersteVanDeMaand: Datum { Datum(year: year, month: month, day: 1)! }

    /// The ISO 8601 week-numbering year and week: the week belongs to the year of its Thursday.
    public var isoWeek: (jaar: Int, week: Int) {
        let donderdag = plus(dagen: 4 - weekdag)
        let eersteJanuari = Datum(year: donderdag.year, month: 1, day: 1)!
        return (donderdag.year, (donderdag.dagnummer - eersteJanuari.dagnummer) / 7 + 1)
    }
}
