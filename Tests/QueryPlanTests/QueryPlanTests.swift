import Berichten
import Declaraties
import Generator
import Kenmerken
import Ledger
import Projection
import Query
import Reconciliatie
import TestSupport
import Testing
import Toewijzingen
import Uitwisseling
import Verzoeken
import Zorg

/// Every query a read command runs has a plan whose cost follows its answer: no list reads a
/// table again per row, no lookup of one client or toewijzing reads a whole table.
///
/// The ledger is generated traffic without ANALYZE statistics, as every ledger zorgledger
/// writes is: SQLite then plans from the schema and the query alone, so these plans are the
/// ones a ledger of any size gets.
@Suite struct QueryPlanTests {
    static let runner = ProjectionRunner(projections: [
        Uitwisseling(), Toewijzingen(), Zorg(), Verzoeken(), Declaraties(), Reconciliatie(),
    ])
    static let berichten = Scenario(clients: 40, months: 12, seed: 7).berichten().map(\.bytes)
    static let peildatum = Datum("2025-12-31")!

    /// What a command may be asked: everything, one client, one client's toewijzing (traject).
    enum Vraag {
        case lijst, client, toewijzing
    }

    @Test(arguments: [Kennisstand(), Kennisstand(bekendOp: Datum("2025-06-30")), Kennisstand(totPositie: 900)])
    func noListReadsATableAgainPerRow(kennisstand: Kennisstand) throws {
        let plannen = try Self.plannen(.lijst, kennisstand)
        #expect(plannen.count >= 8)
        for plan in plannen {
            #expect(plan.herhaaldeScans.isEmpty, "\(plan.herhaaldeScans) in \(plan.sql)")
        }
    }

    @Test(arguments: [Vraag.client, .toewijzing], [Kennisstand(), Kennisstand(totPositie: 900)])
    func noLookupReadsAWholeTable(vraag: Vraag, kennisstand: Kennisstand) throws {
        let plannen = try Self.plannen(vraag, kennisstand)
        #expect(plannen.count >= 6)
        for plan in plannen {
            #expect(plan.volledigeScans.isEmpty, "\(plan.volledigeScans) in \(plan.sql)")
            #expect(plan.herhaaldeScans.isEmpty, "\(plan.herhaaldeScans) in \(plan.sql)")
        }
    }

    /// Toewijzingen, declaraties and verzoeken find a client's facts through the log's BSN index
    /// and their own primary keys; none of their fact tables keeps an index on `bsn`.
    @Test func aClientsFactsAreFoundThroughTheLogsBSNIndex() throws {
        let ledger = try TestLedger(runner: Self.runner)
        try ledger.ingest(Self.berichten)
        let connection = try ledger.connection
        let bsnIndexes = try connection.rows(
            """
            SELECT m.name FROM sqlite_master m, pragma_index_info(m.name) i
            WHERE m.type = 'index' AND i.name = 'bsn'
                AND m.tbl_name IN ('toewijzingen_versies', 'declaraties_prestaties', 'verzoeken_aanvragen')
            """
        ) { $0.string(0) }
        #expect(bsnIndexes.isEmpty)
        let bsn = try connection.rows(
            """
            SELECT bsn FROM verzoeken_aanvragen
            WHERE bsn IN (SELECT bsn FROM declaraties_prestaties) AND bsn IN (SELECT bsn FROM toewijzingen_versies)
            LIMIT 1
            """
        ) { $0.string(0) }[0]
        let filter = Filter(bsn: bsn, peildatum: Self.peildatum)
        var rijen: [Int] = []
        let queries = try readQueries(on: connection) {
            rijen.append(try Toewijzingen.rijen(filter, in: connection).count)
            rijen.append(try Declaraties.rijen(filter, in: connection).count)
            rijen.append(try Verzoeken.rijen(filter, in: connection).count)
        }
        #expect(rijen.allSatisfy { $0 > 0 }, "\(rijen)")
        #expect(queries.count == 3)
        for query in queries {
            let plan = try QueryPlan(query, in: connection)
            #expect(plan.stappen.contains { $0.detail.contains("SEARCH event_bsn USING COVERING INDEX event_bsn_bsn") }, "\(query)")
        }
    }

    /// The plans of every query the read commands' query functions run for `vraag`.
    static func plannen(_ vraag: Vraag, _ kennisstand: Kennisstand) throws -> [QueryPlan] {
        let ledger = try TestLedger(runner: runner)
        try ledger.ingest(berichten)
        let connection = try ledger.connection
        try kennisstand.installeer(op: connection, projections: runner.projections)
        let client = try connection.rows(
            "SELECT bsn, toewijzing_nummer, gemeente FROM toewijzingen_versies ORDER BY positie DESC LIMIT 1"
        ) { ($0.string(0), $0.int(1), $0.string(2)) }[0]
        let filter = switch vraag {
        case .lijst: Filter(peildatum: peildatum)
        case .client: Filter(bsn: client.0, peildatum: peildatum)
        case .toewijzing: Filter(gemeente: client.2, bsn: client.0, toewijzing: client.1, peildatum: peildatum)
        }
        let log = try Ledger(path: ledger.path, access: .read)
        let queries = try readQueries(on: connection) {
            _ = try Toewijzingen.rijen(filter, in: connection)
            _ = try Toewijzingen.rijen(filter, historie: true, in: connection)
            _ = try Zorg.rijen(filter, in: connection)
            _ = try Declaraties.rijen(filter, in: connection)
            _ = try Declaraties.rijen(filter, openstaand: true, in: connection)
            _ = try Verzoeken.rijen(filter, in: connection)
            // `berichten --toewijzing` reads the log's own index, which leads on the gemeente.
            if vraag != .toewijzing { _ = try Uitwisseling.berichten(filter, in: connection) }
            // `traject`: the timeline of one client or one toewijzing.
            switch vraag {
            case .lijst: break
            case .client:
                _ = try Traject(.client(bsn: client.0), peildatum: peildatum, ledger: log, connection: connection)
            case .toewijzing:
                _ = try Traject(.toewijzing(nummer: client.1, gemeente: client.2), peildatum: peildatum, ledger: log,
                                connection: connection)
            }
            if vraag == .lijst {
                let grondslag = try Reconciliatie.grondslag(in: connection)
                _ = try Reconciliatie.constateringen(filter, grondslag: grondslag, in: connection)
            }
        }
        return try queries.map { try QueryPlan($0, in: connection) }
    }
}
