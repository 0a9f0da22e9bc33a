public import Berichten

/// The most a prestatie, or all prestaties of a toewijzing together, may declare under an
/// Omvang (TR321/TR322 with IV076–IV078, report §6.7).
///
/// Only "per week" depends on the uitvoeringsvariant (``Telwijze``). "Per maand" allows the full
/// monthly volume in a partial month (IV078), "per dag" the volume per day, "totaal" the volume once.
/// Volumes are in the toewijzing's Eenheid; for 83 (euro's) that is eurocent (IV042).
public enum Volumeplafond {
    /// How the weeks of a "per week" Omvang are counted in a ProductPeriode.
    public enum Telwijze: Sendable, Hashable {
        /// Inspanningsgericht: the ISO weeks the period touches, partial weeks included, so a
        /// full month gives 4, 5 or 6 weeks.
        case isoWeken
        /// Inspanningsgericht Wmo categorie 01 (huishoudelijke hulp): always 6 weeks.
        case zesWeken
        /// Outputgericht: the weeks whose Sunday falls in the period; the toewijzing's last,
        /// partial week (an einddatum that is no Sunday) counts in the period holding its last
        /// Sunday, or, without one, in the period holding the einddatum.
        case zondagen(ingangsdatum: Datum, einddatum: Datum?)
    }

    /// The number of ISO weeks that `van...tot` touches.
    public static func isoWeken(van: Datum, tot: Datum) -> Int {
        (tot.maandag.dagnummer - van.maandag.dagnummer) / 7 + 1
    }

    /// The number of Sundays in `van...tot`.
    public static func zondagen(van: Datum, tot: Datum) -> Int {
        // Day 3 (1970-01-04) was a Sunday: the Sundays up to a day, by floored division.
        func totEnMet(_ dag: Int) -> Int { dag >= 3 ? (dag - 3) / 7 : -((9 - dag) / 7) }
        return max(0, totEnMet(tot.dagnummer) - totEnMet(van.dagnummer - 1))
    }

    /// The number of calendar months that `van...tot` touches.
    public static func maanden(van: Datum, tot: Datum) -> Int {
        (tot.year - van.year) * 12 + tot.month - van.month + 1
    }

    /// The number of weeks a "per week" Omvang allows in `van...tot`.
    public static func weken(van: Datum, tot: Datum, telwijze: Telwijze) -> Int {
        switch telwijze {
        case .isoWeken: return isoWeken(van: van, tot: tot)
        case .zesWeken: return 6
        case .zondagen(let ingangsdatum, let einddatum):
            var weken = zondagen(van: van, tot: tot)
            if let einddatum, einddatum.weekdag != 7 {
                // The last Sunday on or before the einddatum, if the toewijzing has one.
                let zondag = einddatum.plus(dagen: -einddatum.weekdag)
                let peil = zondag >= ingangsdatum ? zondag : einddatum
                if van <= peil && peil <= tot { weken += 1 }
            }
            return weken
        }
    }

    /// The maximum GeleverdVolume of one ProductPeriode `van...tot`.
    public static func perPeriode(volume: Int, frequentie: Frequentie, van: Datum, tot: Datum, telwijze: Telwijze)
        -> Int
    {
        switch frequentie {
        case .perDag: volume * (tot.dagnummer - van.dagnummer + 1)
        case .perWeek: volume * weken(van: van, tot: tot, telwijze: telwijze)
        case .perMaand: volume * maanden(van: van, tot: tot)
        case .totaalBinnenGeldigheidsduur: volume
        }
    }

    /// The maximum sum over the whole toewijzing; nil when it has no end date and a frequency
    /// other than "totaal", so that no total can be computed. Both countings give the same number
    /// of weeks over a whole toewijzing (the Sundays, plus one for a partial last week); 6 weeks
    /// per period for huishoudelijke hulp is a per-period allowance, not a total.
    public static func totaal(volume: Int, frequentie: Frequentie, ingangsdatum: Datum, einddatum: Datum?) -> Int? {
        if frequentie == .totaalBinnenGeldigheidsduur { return volume }
        guard let einddatum else { return nil }
        return perPeriode(volume: volume, frequentie: frequentie, van: ingangsdatum, tot: einddatum, telwijze: .isoWeken)
    }
}
