import Berichten
import Declaraties
import Foundation
import Ingest
import Ledger
import Projection
import Reconciliatie
import Toewijzingen
import Uitwisseling
import Verzoeken
import Zorg

/// A ledger in a fresh temporary directory with every projection, reconciliation included,
/// removed on deinit.
final class ReconciliatieLedger {
    static let runner = ProjectionRunner(projections: [
        Uitwisseling(), Toewijzingen(), Zorg(), Verzoeken(), Declaraties(), Reconciliatie(),
    ])

    let directory: URL
    let path: String
    let ledger: Ledger

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("reconciliatie-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("ledger.sqlite").path
        ledger = try Ledger(path: path, access: .createIfMissing)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Appends the messages in one batch and catches the projections up.
    func ingest(_ berichten: [[UInt8]]) throws {
        let events = try berichten.map { bytes in
            NewEvent(kind: .bericht, payload: bytes, metadata: EventMetadata(try BerichtDecoder.decode(bytes)), source: nil)
        }
        _ = try ledger.append(events)
        try Self.runner.catchUp(ledgerPath: path)
    }

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
        try Self.runner.catchUp(ledgerPath: path)
        return outcome[0].position
    }

    var connection: SQLiteConnection { get throws { try SQLiteStore(path: path, access: .read).connection } }

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
