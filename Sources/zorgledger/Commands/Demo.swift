import ArgumentParser
import Berichten
import Declaraties
import Generator
import Ingest
import Kenmerken
import Ledger
import Projection
import Query
import Toewijzingen
import Verzoeken

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a ledger from a built-in generated scenario and show what zorgledger sees.",
        discussion: """
            Generates a year of synthetic traffic between gemeenten and aanbieders up to today (no files \
            needed), ingests it into the ledger and prints a short tour: the log, the current toewijzingen, the \
            declaraties still waiting for an answer, the requests, one toewijzing's timeline and verify. Running \
            it again the same day ingests the same messages again: they are all recognised as duplicates. The \
            ledger is --db FILE, else $ZORGLEDGER_DB, else ./zorgledger-demo.sqlite.

            Example:
              zorgledger demo --db demo.sqlite
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Number of clients in the scenario.")
    var clients = 24

    @Option(help: "Number of months of traffic.")
    var months = 12

    @Option(help: "Seed of the scenario.")
    var seed: UInt64 = 2026

    func validate() throws {
        guard clients > 0, months > 0 else { throw ValidationError("--clients and --months must be at least 1") }
    }

    func run() throws {
        // The demo keeps its own file unless --db or $ZORGLEDGER_DB names one.
        let db = try global.ledgerPath(default: "zorgledger-demo.sqlite", command: "demo")
        // The scenario runs up to today, so that actueel, lopend and openstaand mean something now: it
        // starts `months` months back and goes on past today, and what is dated after today is left out
        // (otherwise the generator's cut-off at its last month would leave every claim answered).
        let vandaag = Datum.vandaag
        // Months counted from year 0; the generator's 3.x traffic cannot start before 2021.
        let eerste = max(2021 * 12, vandaag.year * 12 + vandaag.month - 1 - months)
        let startMonth = (year: eerste / 12, month: eerste % 12 + 1)
        let berichten = Scenario(clients: clients, months: months + 2, seed: seed, startMonth: startMonth).filter {
            guard let header = try? BerichtDecoder.decode($0.bytes).header else { return true }
            return (header.dagtekeningRetour ?? header.dagtekening) <= vandaag
        }
        print("zorgledger demo: \(berichten.count) generated messages for \(clients) clients over \(months) months, "
            + "up to \(vandaag)")
        let (ledger, ingester) = try Ingester.withProjections(log: SQLiteStore(path: db, access: .createIfMissing))
        let report = try ingester.ingest(berichten.map { IngestSource.bytes(name: $0.bestandsnaam, $0.bytes) })
        print("\n== ingest into \(db)")
        print(report.summary, terminator: "")

        print("\n== the log, per message type")
        var perType: [String: (iWmo: Int, iJw: Int, bytes: Int)] = [:]
        try ledger.forEachEvent { event in
            let key = event.metadata.berichttype ?? event.kind.rawValue
            if event.metadata.standaard == "iWmo" { perType[key, default: (0, 0, 0)].iWmo += 1 }
            if event.metadata.standaard == "iJw" { perType[key, default: (0, 0, 0)].iJw += 1 }
            perType[key, default: (0, 0, 0)].bytes += event.payload.count
        }
        var table = ResultTable(columns: [
            .init("type"), .init("iWmo", nil, .integer), .init("iJw", nil, .integer),
            .init("bytes", "XML-bytes", .integer),
        ])
        table.rows = perType.sorted { $0.key < $1.key }.map { key, value in
            [.text(key), .integer(Int64(value.iWmo)), .integer(Int64(value.iJw)), .integer(Int64(value.bytes))]
        }
        print(table.rendered(as: .table), terminator: "")

        try tour(db, peildatum: vandaag)

        print("\n== verify")
        let verification = try ledger.verify()
        print(verification.isIntact
            ? "hash chain intact over \(verification.eventCount) events, head \(verification.headHash)"
            : "PROBLEMS: \(verification.problems.map(\.description).joined(separator: "; "))")

        print("""

            Try next:
              zorgledger --db \(db) toewijzingen --status actueel
              zorgledger --db \(db) declaraties --openstaand --format csv
              zorgledger --db \(db) berichten --status afgewezen
              zorgledger --db \(db) bericht 1 --raw
              zorgledger generate --clients 100 --months 12 --out traffic/ && zorgledger ingest traffic/
            """)
    }

    /// Short views of what the projections know today; each ends with the command that shows it all.
    private func tour(_ db: String, peildatum: Datum) throws {
        let connection = try SQLiteStore(path: db, access: .read).connection
        let filter = Filter(peildatum: peildatum)
        let personal = global.personalData

        let actueel = try Toewijzingen.rijen(Filter(status: "actueel", peildatum: peildatum), in: connection)
        print("\n== current toewijzingen (actueel on \(peildatum)): \(actueel.count)")
        var toewijzingen = ResultTable(columns: [
            .init("gemeente"), .init("aanbieder"), .init("bsn"), .init("toewijzing", nil, .integer), .init("product"),
            .init("ingangsdatum"), .init("einddatum"),
        ])
        toewijzingen.rows = actueel.prefix(Self.voorbeelden).map { rij in
            [
                .text(rij.gemeente), .text(rij.aanbieder), .text(personal.bsn(rij.bsn)),
                .integer(Int64(rij.toewijzingNummer)), .text(rij.productCode ?? rij.productCategorie),
                .text(rij.ingangsdatum), .text(rij.einddatum),
            ]
        }
        print(voorbeeld(toewijzingen, van: actueel.count, command: "toewijzingen --status actueel", db: db), terminator: "")

        let openstaand = try Declaraties.rijen(filter, openstaand: true, in: connection)
        let openstaandBedrag = Int64(openstaand.reduce(0) { $0 + $1.bedrag })
        print("\n== declaraties waiting for a 325: \(openstaand.count), together \(Euro.format(openstaandBedrag)) euro")
        var declaraties = ResultTable(columns: [
            .init("gemeente"), .init("aanbieder"), .init("declaratie"), .init("toewijzing", nil, .integer),
            .init("periode"), .init("bedrag", nil, .amount),
        ])
        declaraties.rows = openstaand.prefix(Self.voorbeelden).map { rij in
            [
                .text(rij.gemeente), .text(rij.aanbieder), .text(rij.declaratieNummer),
                .integer(Int64(rij.toewijzingNummer)), .text("\(rij.begindatum) t/m \(rij.einddatum)"),
                .integer(Int64(rij.bedrag)),
            ]
        }
        print(voorbeeld(declaraties, van: openstaand.count, command: "declaraties --openstaand", db: db), terminator: "")

        let verzoeken = try Verzoeken.rijen(filter, in: connection)
        print("\n== verzoeken (VOT per product, VOW) by answer state")
        var perStatus = ResultTable(columns: [.init("status"), .init("verzoeken", nil, .integer)])
        perStatus.rows = Dictionary(grouping: verzoeken, by: \.status).sorted { $0.key < $1.key }.map {
            [.text($0.key), .integer(Int64($0.value.count))]
        }
        print(perStatus.rendered(as: .table), terminator: "")

        // The first current toewijzing: a timeline that is still going on.
        guard let gekozen = actueel.first else { return }
        let traject = try Traject(
            .toewijzing(nummer: gekozen.toewijzingNummer, gemeente: gekozen.gemeente), peildatum: peildatum,
            ledger: Ledger(path: db, access: .read), connection: connection)
        print("\n== the timeline of toewijzing \(gekozen.toewijzingNummer) of gemeente \(gekozen.gemeente)")
        var tijdlijn = ResultTable(traject.regels, personalData: personal)
        tijdlijn.rows = Array(tijdlijn.rows.prefix(2 * Self.voorbeelden))
        print(voorbeeld(
            tijdlijn, van: traject.regels.count,
            command: "traject --toewijzing \(gekozen.toewijzingNummer) --gemeente \(gekozen.gemeente)", db: db),
            terminator: "")
    }

    /// Rows per view in the tour: enough to see what a view holds, short enough for one screen.
    private static let voorbeelden = 5

    /// A table of the first rows, with a line that says how many there are and how to see them all.
    private func voorbeeld(_ table: ResultTable, van totaal: Int, command: String, db: String) -> String {
        guard totaal > 0 else { return "none today: zorgledger --db \(db) \(command)\n" }
        let shown = table.rendered(as: .table).split(separator: "\n", omittingEmptySubsequences: false)
        // The table's own count line would count the sample only.
        return shown.dropLast(2).joined(separator: "\n") + "\n"
            + (totaal > table.rows.count ? "… \(totaal - table.rows.count) more: " : "all of them: ")
            + "zorgledger --db \(db) \(command)\n"
    }
}
