public import Berichten

/// The most a prestatie, or all prestaties of a toewijzing together, may declare under an
/// Omvang (TR321/TR322 with IV076–IV078, report §6.7), inspanningsgericht.
///
/// "Per week" counts the ISO weeks a period touches, partial weeks included, so a full month
/// gives 4, 5 or 6 weeks; Wmo categorie 01 (huishoudelijke hulp) always gets 6 weeks per
/// ProductPeriode. "Per maand" allows the full monthly volume in a partial month (IV078).
public enum Volumeplafond {
    /// The number of ISO weeks that `van...tot` touches.
    public static func isoWeken(van: Datum, tot: Datum) -> Int {
        (tot.maandag.dagnummer - van.maandag.dagnummer) / 7 + 1
    }

    /// The number of calendar months that `van...tot` touches.
    public static func maanden(van: Datum, tot: Datum) -> Int {
        (tot.year - van.year) * 12 + tot.month - van.month + 1
    }

    /// The maximum GeleverdVolume of one ProductPeriode `van...tot`.
    public static func perPeriode(
        volume: Int, frequentie: Frequentie, van: Datum, tot: Datum, huishoudelijkeHulp: Bool
    ) -> Int {
        switch frequentie {
        case .perDag: volume * (tot.dagnummer - van.dagnummer + 1)
        case .perWeek: volume * (huishoudelijkeHulp ? 6 : isoWeken(van: van, tot: tot))
        case .perMaand: volume * maanden(van: van, tot: tot)
        case .totaalBinnenGeldigheidsduur: volume
        }
    }

    /// The maximum sum over the whole toewijzing; nil when it has no end date and a frequency
    /// other than "totaal", so that no total can be computed.
    public static func totaal(volume: Int, frequentie: Frequentie, ingangsdatum: Datum, einddatum: Datum?) -> Int? {
        if frequentie == .totaalBinnenGeldigheidsduur { return volume }
        guard let einddatum else { return nil }
        return perPeriode(
            volume: volume, frequentie: frequentie, van: ingangsdatum, tot: einddatum, huishoudelijkeHulp: false)
    }
}
