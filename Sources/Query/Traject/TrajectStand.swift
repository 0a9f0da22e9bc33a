import Berichten
public import Declaraties
import Ledger
import Projection
public import Toewijzingen
public import Verzoeken
public import Zorg

/// The current state of everything a timeline is about, from the projections: what the
/// messages led to. A timeline line looks its state up here by the line's own key.
public struct TrajectStand {
    public internal(set) var toewijzingen: [ToewijzingRij] = []
    /// Every version of those toewijzingen that counts, oldest decision first; a version several
    /// 301s carried first as the one that made it known.
    public internal(set) var versies: [ToewijzingRij] = []
    public internal(set) var zorg: [ZorgRij] = []
    public internal(set) var declaraties: [PrestatieRij] = []
    public internal(set) var verzoeken: [VerzoekRij] = []

    /// The states of the given clients, or of one toewijzing when `toewijzing` is set.
    init(
        bsns: [String], toewijzing: Int?, gemeente: String?, peildatum: Datum, in connection: SQLiteConnection
    )
        throws(LedgerError)
    {
        for bsn in bsns {
            let filter = Filter(gemeente: gemeente, bsn: bsn, toewijzing: toewijzing, peildatum: peildatum)
            toewijzingen += try Toewijzingen.rijen(filter, in: connection)
            versies += try Toewijzingen.rijen(filter, historie: true, in: connection)
            zorg += try Zorg.rijen(filter, in: connection)
            declaraties += try Declaraties.rijen(filter, in: connection)
            verzoeken += try Verzoeken.rijen(Filter(gemeente: gemeente, bsn: bsn, peildatum: peildatum), in: connection)
        }
    }

    func toewijzing(standaard: String, gemeente: String, nummer: Int) -> ToewijzingRij? {
        toewijzingen.first { $0.standaard == standaard && $0.gemeente == gemeente && $0.toewijzingNummer == nummer }
    }

    /// The version of a toewijzing decided at `datum` `tijd`, as the 301 that first carried it
    /// made it known, and the version it replaced (the one decided last before it); nil when no
    /// 301 that counts carried it.
    func versie(standaard: String, gemeente: String, nummer: Int, datum: String, tijd: String)
        -> (bekend: ToewijzingRij, vervangt: ToewijzingRij?)?
    {
        let eigen = versies.filter {
            $0.standaard == standaard && $0.gemeente == gemeente && $0.toewijzingNummer == nummer
        }
        guard let index = eigen.firstIndex(where: { $0.toewijzingsdatum == datum && $0.toewijzingstijd == tijd })
        else { return nil }
        let vorige = eigen[..<index].last.flatMap { vorige in
            eigen.first { $0.toewijzingsdatum == vorige.toewijzingsdatum && $0.toewijzingstijd == vorige.toewijzingstijd }
        }
        return (eigen[index], vorige)
    }

    /// The delivery period a start or stop line belongs to, by the start's logical key.
    func periode(
        standaard: String, gemeente: String, aanbieder: String, bsn: String, nummer: Int?, product: Product?,
        begindatum: Datum
    ) -> ZorgRij? {
        zorg.first {
            $0.standaard == standaard && $0.gemeente == gemeente && $0.aanbieder == aanbieder && $0.bsn == bsn
                && $0.toewijzingNummer == nummer && $0.productCategorie == product?.categorie
                && $0.productCode == product?.code && $0.begindatum == begindatum.description
        }
    }

    func prestatie(
        standaard: String, gemeente: String, aanbieder: String, declaratieNummer: String?, referentieNummer: String
    ) -> PrestatieRij? {
        declaraties.first {
            $0.standaard == standaard && $0.gemeente == gemeente && $0.aanbieder == aanbieder
                && (declaratieNummer == nil || $0.declaratieNummer == declaratieNummer)
                && $0.referentieNummer == referentieNummer
        }
    }

    func verzoek(standaard: String, gemeente: String, aanbieder: String, referentie: String) -> VerzoekRij? {
        verzoeken.first {
            $0.standaard == standaard && $0.gemeente == gemeente && $0.aanbieder == aanbieder
                && $0.referentieAanbieder == referentie
        }
    }
}
