public import Ledger
public import Projection

extension Reconciliatie {
    /// Every finding under `grondslag` at `filter.peildatum`, narrowed by the filter (gemeente,
    /// aanbieder, bsn, toewijzing), `regel` and `ernst`.
    ///
    /// Rules see all facts whatever the filter, so a total (TR322, TR369) or a second debet
    /// (TR389) is judged against every prestatie of the toewijzing, also those filtered out.
    public static func constateringen(
        _ filter: Filter, regel: String? = nil, ernst: Ernst? = nil, grondslag: Grondslag,
        in connection: SQLiteConnection
    ) throws(LedgerError) -> [Constatering] {
        try Controle.constateringen(grondslag: grondslag, peildatum: filter.peildatum, in: connection)
            .filter { Self.past($0, filter, regel, ernst) }
    }

    /// The findings that differ between `voor` and `na`, both evaluated on the same facts: each
    /// evaluation reads them again, which keeps memory to one evaluation's findings.
    public static func verschillen(
        _ filter: Filter, regel: String? = nil, ernst: Ernst? = nil, voor: Grondslag, na: Grondslag,
        in connection: SQLiteConnection
    ) throws(LedgerError) -> [Verschil] {
        let (eerst, daarna) = try connection.readTransaction { () throws(LedgerError) in
            (try Controle.constateringen(grondslag: voor, peildatum: filter.peildatum, in: connection),
             try Controle.constateringen(grondslag: na, peildatum: filter.peildatum, in: connection))
        }
        return Verschil.tussen(eerst, daarna).filter { Self.past($0.constatering, filter, regel, ernst) }
    }

    static func past(_ c: Constatering, _ filter: Filter, _ regel: String?, _ ernst: Ernst?) -> Bool {
        (filter.gemeente.map { $0 == c.gemeente } ?? true) && (filter.aanbieder.map { $0 == c.aanbieder } ?? true)
            && (filter.bsn.map { $0 == c.bsn } ?? true) && (filter.toewijzing.map { $0 == c.toewijzingNummer } ?? true)
            && (regel.map { $0.uppercased() == c.regel.uppercased() } ?? true) && (ernst.map { $0 == c.ernst } ?? true)
    }
}
