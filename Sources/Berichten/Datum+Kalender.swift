import CivilDays

/// Day arithmetic on the standard's date, on a day number: deadlines, ISO weeks and the
/// generator's schedules need nothing more, and Foundation's calendars would bring time zones
/// into plain dates (and are far too slow for a million messages).
extension Datum {
    /// Days since 1970-01-01.
    public var dagnummer: Int { CivilDays.number(year: year, month: month, day: day) }

    /// The date with day number `dagnummer`.
    public init(dagnummer: Int) {
        let (jaar, maand, dag) = CivilDays.date(dagnummer)
        // Every day number maps to an existing date, so the failable initialiser cannot fail.
        self.init(year: jaar, month: maand, day: dag)!
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
