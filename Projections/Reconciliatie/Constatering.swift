/// One finding of `zorgledger reconcile` (cli.md): which rule, how serious, why, and the log
/// positions of the messages involved.
///
/// The toelichting names codes, dates, numbers and amounts only, never a name or a BSN, so it
/// holds no personal data beyond the row's own `bsn` column.
public struct Constatering: Sendable, Hashable {
    /// The rule code, e.g. `TR338` or `OP090`.
    public var regel: String
    public var ernst: Ernst
    /// One line in Dutch.
    public var toelichting: String
    public var standaard: String
    public var gemeente: String
    public var aanbieder: String
    public var bsn: String?
    public var toewijzingNummer: Int?
    public var declaratieNummer: String?
    public var referentieNummer: String?
    /// The messages involved, ascending; the first is the one the finding is about.
    public var posities: [Int64]
    /// Signed eurocent at stake: the declared amount a `fout` on a prestatie would reject, or for
    /// a tariff difference (TR418) the part above (or below) the contract. Nil for findings
    /// without an amount, such as deadlines.
    public var bedrag: Int?
    /// For a finding about a prestatie, what the gemeente's 325 made of it; nil otherwise.
    public var gemeenteOordeel: GemeenteOordeel?
    /// The RetourCodes the 325 gave that prestatie; empty when it did not list it, or for a
    /// finding not about a prestatie.
    public var gemeenteRetourCodes: [String]

    public init(
        regel: String, ernst: Ernst, toelichting: String, standaard: String, gemeente: String, aanbieder: String,
        bsn: String? = nil, toewijzingNummer: Int? = nil, declaratieNummer: String? = nil,
        referentieNummer: String? = nil, posities: [Int64], bedrag: Int? = nil,
        gemeenteOordeel: GemeenteOordeel? = nil, gemeenteRetourCodes: [String] = []
    ) {
        self.regel = regel
        self.ernst = ernst
        self.toelichting = toelichting
        self.standaard = standaard
        self.gemeente = gemeente
        self.aanbieder = aanbieder
        self.bsn = bsn
        self.toewijzingNummer = toewijzingNummer
        self.declaratieNummer = declaratieNummer
        self.referentieNummer = referentieNummer
        self.posities = posities
        self.bedrag = bedrag
        self.gemeenteOordeel = gemeenteOordeel
        self.gemeenteRetourCodes = gemeenteRetourCodes
    }

    /// What a finding is about, whatever it says: the same rule on the same prestatie (or, for
    /// findings without one, the same first message). Two evaluations are compared by it.
    public var sleutel: String {
        [regel, standaard, gemeente, aanbieder, referentieNummer ?? "", posities.first.map(String.init) ?? ""]
            .joined(separator: "|")
    }
}
