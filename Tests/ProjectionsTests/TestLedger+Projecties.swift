import Berichten
import Declaraties
import Ledger
import Projection
import TestSupport
import Toewijzingen
import Uitwisseling
import Verzoeken
import Zorg

/// The projection tests' ledgers: the five projections, and their query results at one peildatum.
extension TestLedger {
    static let runner = ProjectionRunner(projections: [
        Uitwisseling(), Toewijzingen(), Zorg(), Verzoeken(), Declaraties(),
    ])
    static let peildatum = Datum("2026-06-01")!

    convenience init(log: Log = .sqlite) throws { try self.init(runner: Self.runner, log: log) }

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
        let identificaties = Dictionary(uniqueKeysWithValues: try berichten().map { ($0.positie, $0.identificatie) })
        let huidig = try toewijzingen()
        let historie = try toewijzingen(historie: true)
        func zonderPositie(_ rijen: [ToewijzingRij]) -> [ToewijzingRij] {
            rijen.map { rij in
                var rij = rij
                rij.positie = 0
                return rij
            }
        }
        return Toestand(
            toewijzingen: zonderPositie(huidig), historie: zonderPositie(historie),
            dragers: (huidig + historie).map { identificaties[$0.positie] ?? nil }, zorg: try zorg(),
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
