public import Ledger
public import Projection

/// Our `fout` findings beside the gemeente's own verdict in its 325, per rule: the second opinion
/// a controller reads first (`zorgledger reconcile --vergelijk`).
///
/// A line is a prestatie judged by `reconcile` (one of a 323 that no 325 rejected as a whole).
/// Per rule: the lines we find `fout` that the gemeente approved (money at risk), that it rejected
/// too (agreement) and that no 325 answered yet; then, per RetourCode of the gemeente, the lines
/// it rejected for which no rule of ours finds a `fout` (to dispute). A `signaal` is advice, no
/// reason to reject (OP364 even forbids one), so it does not count as a reason here.
public struct Vergelijking: Sendable, Hashable {
    public enum Soort: String, Sendable, Hashable {
        /// One rule of ours.
        case regel
        /// One RetourCode the gemeente rejected lines with that no rule of ours rejects.
        case betwisten
        /// Every line once.
        case totaal
    }

    /// A number of lines and their eurocent.
    public struct Telling: Sendable, Hashable {
        public var aantal: Int
        public var bedrag: Int

        public init(aantal: Int = 0, bedrag: Int = 0) {
            self.aantal = aantal
            self.bedrag = bedrag
        }

        mutating func tel(_ bedrag: Int) {
            aantal += 1
            self.bedrag += bedrag
        }
    }

    public var soort: Soort
    public var regel: String?
    public var retourCode: String?
    /// Shared by every line of the row, or nil when the row spans several.
    public var standaard, gemeente, aanbieder: String?
    /// We find `fout`, the gemeente approved: money at risk. Eurocent: the finding's own bedrag.
    public var toegekend = Telling()
    /// We find `fout`, the gemeente rejected too.
    public var afgewezen = Telling()
    /// We find `fout`, no 325 yet.
    public var open = Telling()
    /// The gemeente rejected, no rule of ours finds a `fout`: the declared amount.
    public var betwist = Telling()

    /// The share of the lines judged by both on which we agree: for a rule, the lines it finds
    /// `fout` that the gemeente rejected too, of those the gemeente answered; in the total, the
    /// lines both reject of those either rejects. Nil when there is nothing to compare.
    public var overeenstemming: Double? {
        let oneens = toegekend.aantal + betwist.aantal
        guard soort != .betwisten, afgewezen.aantal + oneens > 0 else { return nil }
        return Double(afgewezen.aantal) / Double(afgewezen.aantal + oneens)
    }

    init(_ soort: Soort, regel: String? = nil, retourCode: String? = nil) {
        self.soort = soort
        self.regel = regel
        self.retourCode = retourCode
    }

    /// Records, before a line of these parties is counted in this row, who the row is about.
    mutating func partij(_ standaard: String, _ gemeente: String, _ aanbieder: String) {
        let eerste = toegekend.aantal + afgewezen.aantal + open.aantal + betwist.aantal == 0
        self.standaard = eerste || self.standaard == standaard ? standaard : nil
        self.gemeente = eerste || self.gemeente == gemeente ? gemeente : nil
        self.aanbieder = eerste || self.aanbieder == aanbieder ? aanbieder : nil
    }

    /// Counts a line we find `fout` under the gemeente's verdict on it.
    mutating func tel(_ oordeel: GemeenteOordeel?, _ bedrag: Int) {
        switch oordeel {
        case .toegekend: toegekend.tel(bedrag)
        case .afgewezen: afgewezen.tel(bedrag)
        case .open, nil: open.tel(bedrag)
        }
    }
}

extension Reconciliatie {
    /// The rows of ``Vergelijking`` under `grondslag` at `filter.peildatum`: the rules in code order,
    /// then the gemeente's codes to dispute, then the total. `regel` keeps that rule's row and the
    /// total (the lines to dispute belong to no rule). The filter narrows lines, not the rules that
    /// explain a rejection: a line rejected for a reason one of our rules finds is never disputed.
    public static func vergelijking(
        _ filter: Filter, regel: String? = nil, grondslag: Grondslag, in connection: SQLiteConnection
    ) throws(LedgerError) -> [Vergelijking] {
        var afgewezenDoorGemeente: [String: (p: Dossier.Prestatie, codes: [String])] = [:]
        let constateringen = try Controle.constateringen(
            grondslag: grondslag, peildatum: filter.peildatum, in: connection
        ) { p, oordeel, codes in
            guard oordeel == .afgewezen, Self.past(p, filter) else { return }
            afgewezenDoorGemeente[Dossier.prestatieSleutel(p.positie, p.referentieNummer)] = (p, codes)
        }
        // Every `fout` about a prestatie, all rules, so a line to dispute is one no rule explains.
        let fouten = constateringen.filter { $0.ernst == .fout && $0.gemeenteOordeel != nil }
        var regels: [String: Vergelijking] = [:]
        var totaal = Vergelijking(.totaal)
        var perLijn: [String: (c: Constatering, bedrag: Int)] = [:]
        for c in fouten where Self.past(c, filter, regel, nil) {
            guard let positie = c.posities.first, let referentie = c.referentieNummer else { continue }
            var rij = regels[c.regel] ?? Vergelijking(.regel, regel: c.regel)
            rij.partij(c.standaard, c.gemeente, c.aanbieder)
            rij.tel(c.gemeenteOordeel, c.bedrag ?? 0)
            regels[c.regel] = rij
            // A line with several findings counts once in the total, with the largest amount at stake.
            let sleutel = Dossier.prestatieSleutel(positie, referentie)
            let bedrag = max(perLijn[sleutel]?.bedrag ?? .min, c.bedrag ?? 0)
            perLijn[sleutel] = (c, bedrag)
        }
        for (c, bedrag) in perLijn.values {
            totaal.partij(c.standaard, c.gemeente, c.aanbieder)
            totaal.tel(c.gemeenteOordeel, bedrag)
        }
        var betwisten: [String: Vergelijking] = [:]
        if regel == nil {
            let verklaard = Set(fouten.compactMap { c in
                c.posities.first.flatMap { positie in c.referentieNummer.map { Dossier.prestatieSleutel(positie, $0) } }
            })
            for (sleutel, lijn) in afgewezenDoorGemeente where !verklaard.contains(sleutel) {
                let p = lijn.p
                // A line rejected with two codes counts under each, and once in the total.
                for code in lijn.codes {
                    var rij = betwisten[code] ?? Vergelijking(.betwisten, retourCode: code)
                    rij.partij(p.standaard, p.gemeente, p.aanbieder)
                    rij.betwist.tel(p.bedrag)
                    betwisten[code] = rij
                }
                totaal.partij(p.standaard, p.gemeente, p.aanbieder)
                totaal.betwist.tel(p.bedrag)
            }
        }
        return regels.values.sorted { Self.regelVolgorde($0.regel ?? "", $1.regel ?? "") }
            + betwisten.values.sorted { ($0.retourCode ?? "") < ($1.retourCode ?? "") } + [totaal]
    }

    /// Rules by family and number: TR074 before TR307 before TR1000, then OP and own codes.
    private static func regelVolgorde(_ a: String, _ b: String) -> Bool {
        func sleutel(_ code: String) -> (String, Int, String) {
            let letters = String(code.prefix { $0.isLetter })
            let cijfers = code.dropFirst(letters.count).prefix { $0.isNumber }
            return (letters, Int(cijfers) ?? .max, code)
        }
        return sleutel(a) < sleutel(b)
    }

    private static func past(_ p: Dossier.Prestatie, _ filter: Filter) -> Bool {
        (filter.gemeente.map { $0 == p.gemeente } ?? true) && (filter.aanbieder.map { $0 == p.aanbieder } ?? true)
            && (filter.bsn.map { $0 == p.bsn } ?? true) && (filter.toewijzing.map { $0 == p.toewijzingNummer } ?? true)
    }
}
