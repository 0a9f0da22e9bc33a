import Berichten
import Ledger
import Projection

extension Dossier {
    /// The codes of every prestatie that a 325 rejected, keyed by its 323 and ReferentieNummer:
    /// few beside all prestaties, so they are held while the prestaties stream past.
    static func afwijzingen(_ connection: SQLiteConnection) throws(LedgerError) -> [String: [String]] {
        var afwijzingen: [String: [String]] = [:]
        _ = try connection.rows("SELECT positie, referentie_nummer, retour_codes FROM declaraties_afgewezen") { row in
            afwijzingen[prestatieSleutel(row.int64(0), row.string(1)), default: []] += row.list(2)
        }
        return afwijzingen.mapValues { $0.uniqueInOrder() }
    }

    static func prestatieSleutel(_ positie: Int64, _ referentieNummer: String) -> String {
        "\(positie)|\(referentieNummer)"
    }

    /// What the gemeente made of `p`: open until a 325 answered its 323, then afgewezen when the
    /// 325 listed it and toegekend otherwise (also when it was credited later).
    func oordeel(over p: Prestatie) -> (oordeel: GemeenteOordeel, retourCodes: [String]) {
        guard p.antwoordPositie != nil else { return (.open, []) }
        let codes = afwijzingen[Self.prestatieSleutel(p.positie, p.referentieNummer)] ?? []
        return (p.status == "afgewezen" ? .afgewezen : .toegekend, codes)
    }
}
