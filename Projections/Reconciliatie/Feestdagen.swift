public import Berichten

/// The days besides Saturday and Sunday that are no werkdagen (report §6.8 leaves "werkdag"
/// open; the Algemene termijnenwet defines it for statutory deadlines).
///
/// Art. 3 of the Algemene termijnenwet: Nieuwjaarsdag, Goede Vrijdag (lid 2), tweede Paas- and
/// Pinksterdag, Hemelvaartsdag, Koningsdag (27 April, 26 April when the 27th is a Sunday; the
/// rule since 2014), 5 mei every year and both Kerstdagen. Eerste Paas- and Pinksterdag are in
/// the set too; they are Sundays anyway. Parties may have agreed on the Rijksoverheid's calendar,
/// which has 5 mei off in lustrum years only (2025, 2030, …): ``lustrum``.
public struct Feestdagen: Sendable, Hashable {
    /// Whether 5 May is a holiday every year rather than only in years divisible by 5.
    public var bevrijdingsdagJaarlijks: Bool

    public init(bevrijdingsdagJaarlijks: Bool) {
        self.bevrijdingsdagJaarlijks = bevrijdingsdagJaarlijks
    }

    /// The calendar of the Algemene termijnenwet, art. 3.
    public static let algemeneTermijnenwet = Feestdagen(bevrijdingsdagJaarlijks: true)
    /// 5 mei only in lustrum years, for parties that agreed on it.
    public static let lustrum = Feestdagen(bevrijdingsdagJaarlijks: false)

    /// How `zorgledger regels` names the calendar.
    public var omschrijving: String {
        bevrijdingsdagJaarlijks ? "Algemene termijnenwet" : "5 mei eens per 5 jaar"
    }

    /// The holidays of `jaar`, including those that fall on a weekend.
    public func van(_ jaar: Int) -> Set<Datum> {
        let pasen = Self.pasen(jaar)
        var dagen: Set<Datum> = [
            Datum(year: jaar, month: 1, day: 1)!, pasen.plus(dagen: -2), pasen, pasen.plus(dagen: 1),
            pasen.plus(dagen: 39), pasen.plus(dagen: 49), pasen.plus(dagen: 50),
            Datum(year: jaar, month: 12, day: 25)!, Datum(year: jaar, month: 12, day: 26)!,
        ]
        let koningsdag = Datum(year: jaar, month: 4, day: 27)!
        dagen.insert(koningsdag.weekdag == 7 ? koningsdag.plus(dagen: -1) : koningsdag)
        if bevrijdingsdagJaarlijks || jaar % 5 == 0 { dagen.insert(Datum(year: jaar, month: 5, day: 5)!) }
        return dagen
    }

    /// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    public static func pasen(_ jaar: Int) -> Datum {
        let a = jaar % 19
        let b = jaar / 100
        let c = jaar % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let maand = (h + l - 7 * m + 114) / 31
        let dag = (h + l - 7 * m + 114) % 31 + 1
        return Datum(year: jaar, month: maand, day: dag)!
    }
}
