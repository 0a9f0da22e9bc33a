import Berichten
import Declaraties
import Kenmerken
import Ledger
import Projection
import Reconciliatie
import TestSupport
import Toewijzingen
import Uitwisseling
import Verzoeken
import Zorg

/// The reconciliation tests' ledgers: every projection, reconciliation included, and the
/// contract and rule-set facts that reconciliation reads.
extension TestLedger {
    static let runner = ProjectionRunner(projections: [
        Uitwisseling(), Toewijzingen(), Zorg(), Verzoeken(), Declaraties(), Reconciliatie(),
    ])

    convenience init() throws { try self.init(runner: Self.runner) }

    /// Records a contract (CSV text) and returns its position.
    @discardableResult
    func contract(_ csv: String, door: String = "test") throws -> Int64 {
        try vastleg(.contract, Vastlegging(door: door, op: "2026-01-01T00:00:00Z", inhoud: Array(csv.utf8)))
    }

    /// Records the choice of a rule-set version and returns its position.
    @discardableResult
    func regelset(_ versie: Int) throws -> Int64 {
        try vastleg(.regelset, Vastlegging(door: "test", op: "2026-01-01T00:00:00Z", inhoud: RegelsetKeuze.inhoud(versie: versie)))
    }

    private func vastleg(_ kind: EventKind, _ vastlegging: Vastlegging) throws -> Int64 {
        let outcome = try ledger.append([
            NewEvent(kind: kind, payload: vastlegging.bytes, metadata: EventMetadata(), source: "contract.csv"),
        ])
        try catchUp()
        return outcome[0].position
    }

    /// The findings under the grondslag in force (or the one given) at `peildatum`.
    func constateringen(
        peildatum: String = "2026-06-01", regel: String? = nil, regelset: Int? = nil, contract: Int64? = nil
    ) throws -> [Constatering] {
        let connection = try connection
        let grondslag = try Reconciliatie.grondslag(regelset: regelset, contract: contract, in: connection)
        return try Reconciliatie.constateringen(
            Filter(peildatum: Datum(peildatum)!), regel: regel, grondslag: grondslag, in: connection)
    }

    /// The rule codes found, each once, sorted.
    func regels(peildatum: String = "2026-06-01") throws -> Set<String> {
        Set(try constateringen(peildatum: peildatum).map(\.regel))
    }
}
