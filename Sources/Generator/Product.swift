internal import Berichten

/// A contracted product: what a toewijzing assigns and a prestatie declares, with its unit,
/// frequency and contract tariff. A shared instance per catalogue entry keeps the many copies of
/// toewijzingen in active trajectories small.
final class Product: Sendable {
    let categorie: String
    let code: String
    let eenheid: Eenheid
    let frequentie: Frequentie
    let volumes: ClosedRange<Int>
    /// Contract tariff per eenheid in eurocent.
    let tarief: Int

    init(categorie: String, code: String, eenheid: Eenheid, frequentie: Frequentie, volumes: ClosedRange<Int>, tarief: Int) {
        self.categorie = categorie
        self.code = code
        self.eenheid = eenheid
        self.frequentie = frequentie
        self.volumes = volumes
        self.tarief = tarief
    }

    var perWeek: Bool { frequentie == .perWeek }

    static func catalogus(_ standaard: Standaard) -> [Product] {
        standaard == .iJw ? jeugd : wmo
    }

    /// iJw categories 31–55 (JZ020).
    private static let jeugd = [
        Product(categorie: "45", code: "45A03", eenheid: .uur, frequentie: .perWeek, volumes: 1...4, tarief: 9_850),
        Product(categorie: "45", code: "45A11", eenheid: .minuut, frequentie: .perMaand, volumes: 240...900, tarief: 164),
        Product(categorie: "41", code: "41A02", eenheid: .dagdeel, frequentie: .perWeek, volumes: 1...4, tarief: 7_540),
        Product(categorie: "43", code: "43A07", eenheid: .etmaal, frequentie: .perWeek, volumes: 7...7, tarief: 24_300),
        Product(categorie: "54", code: "54001", eenheid: .uur, frequentie: .perWeek, volumes: 1...3, tarief: 12_620),
    ]

    /// iWmo categories 01–18 (WMO020).
    private static let wmo = [
        Product(categorie: "02", code: "02A01", eenheid: .uur, frequentie: .perWeek, volumes: 2...6, tarief: 6_210),
        Product(categorie: "01", code: "01A01", eenheid: .uur, frequentie: .perWeek, volumes: 2...4, tarief: 3_480),
        Product(categorie: "07", code: "07A02", eenheid: .dagdeel, frequentie: .perWeek, volumes: 1...5, tarief: 5_360),
        Product(categorie: "03", code: "03A05", eenheid: .minuut, frequentie: .perMaand, volumes: 120...600, tarief: 104),
        Product(categorie: "15", code: "15B01", eenheid: .etmaal, frequentie: .perWeek, volumes: 7...7, tarief: 11_950),
    ]
}
