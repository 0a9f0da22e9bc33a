import Berichten
import Declaraties
import Foundation
import Ingest
import Ledger
import Projection
import Toewijzingen
import Uitwisseling
import Verzoeken
import Zorg


/// A ledger in a fresh temporary directory with the five projections, removed on deinit.
final class TestLedger {
    static let runner = ProjectionRunner(projections: [
        Uitwisseling(), Toewijzingen(), Zorg(), Verzoeken(), Declaraties(),
    ])
    static let peildatum = Datum("2026-06-01")!

    let directory: URL
    let path: String
    let ledger: Ledger

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("projections-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("ledger.sqlite").path
        ledger = try Ledger(path: path, access: .createIfMissing)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Appends the messages in the order given, in one batch, and catches the projections up.
    func ingest(_ berichten: [[UInt8]]) throws {
        try append(berichten)
        try Self.runner.catchUp(ledgerPath: path)
    }

    func append(_ berichten: [[UInt8]]) throws {
        let events = try berichten.map { bytes in
            NewEvent(kind: .bericht, payload: bytes, metadata: EventMetadata(try BerichtDecoder.decode(bytes)), source: nil)
        }
        _ = try ledger.append(events)
    }

    var connection: SQLiteConnection { get throws { try SQLiteStore(path: path, access: .read).connection } }

    /// A writing connection, for tests that tamper with projection tables behind the runner's back.
    func writer() throws -> SQLiteConnection { try SQLiteStore(path: path, access: .write).connection }

    func filter(bsn: String? = nil, status: String? = nil) -> Filter {
        Filter(bsn: bsn, status: status, peildatum: Self.peildatum)
    }

    func toewijzingen(historie: Bool = false) throws -> [ToewijzingRij] {
        try Toewijzingen.rijen(filter(), historie: historie, in: connection)
    }

    func zorg() throws -> [ZorgRij] { try Zorg.rijen(filter(), in: connection) }

    func declaraties(openstaand: Bool = false) throws -> [PrestatieRij] {
        try Declaraties.rijen(filter(), openstaand: openstaand, in: connection)
    }

    func verzoeken() throws -> [VerzoekRij] { try Verzoeken.rijen(filter(), in: connection) }

    func berichten() throws -> [BerichtRij] { try Uitwisseling.berichten(filter(), in: connection) }

    /// Everything the queries show that does not depend on log positions.
    func toestand() throws -> Toestand {
        Toestand(
            toewijzingen: try toewijzingen(), historie: try toewijzingen(historie: true), zorg: try zorg(),
            declaraties: try declaraties(), verzoeken: try verzoeken(),
            berichten: Set(try berichten().map { [$0.berichtCode.map(String.init) ?? "", $0.afzender ?? "",
                                                   $0.identificatie ?? "", $0.status] + $0.retourCodes }))
    }

    /// Every projection table, each row as text, sorted: equal dumps mean equal tables.
    func dump() throws -> [String: [String]] {
        let connection = try connection
        var result: [String: [String]] = [:]
        for table in Self.runner.projections.flatMap(\.tableNames) + ["projection_checkpoints"] {
            let columns = try connection.rows("SELECT name FROM pragma_table_info('\(table)')") { $0.string(0) }
            let row = columns.map { "quote(\($0))" }.joined(separator: " || '|' || ")
            result[table] = try connection.rows("SELECT \(row) FROM \(table) ORDER BY 1") { $0.string(0) }.sorted()
        }
        return result
    }
}

/// The query results of a ledger, for comparing two ledgers that hold the same messages.
struct Toestand: Equatable {
    var toewijzingen: [ToewijzingRij]
    var historie: [ToewijzingRij]
    var zorg: [ZorgRij]
    var declaraties: [PrestatieRij]
    var verzoeken: [VerzoekRij]
    var berichten: Set<[String]>
}
