import Foundation
import TestSupport

/// One generated ledger for all read tests: the scripted clients of the generator show every
/// message type and deviation in both standards, and building it once keeps the suite fast.
struct GeneratedLedger: Sendable {
    let work: WorkDirectory
    let db: String
    /// A client and a toewijzing with a history (taken from the ledger itself).
    let bsn: String
    let toewijzing: Int
    let gemeente: String

    static let shared: Swift.Result<GeneratedLedger, any Error> = Swift.Result { try GeneratedLedger() }

    private init() throws {
        work = try WorkDirectory()
        db = work.ledger
        let generate = try work.run(["generate", "--clients", "12", "--months", "6", "--seed", "5", "--out", "traffic"])
        guard generate.status == 0 else { throw HelperFailure("generate: \(generate.stderr)") }
        // The generator answers every claim within its period; without one 325 a claim stays open.
        let traffic = work.url.appendingPathComponent("traffic")
        if let antwoord = try FileManager.default.contentsOfDirectory(atPath: traffic.path).sorted()
            .last(where: { $0.hasPrefix("JW325") })
        {
            try FileManager.default.removeItem(at: traffic.appendingPathComponent(antwoord))
        }
        let ingest = try work.run(["--db", db, "ingest", "traffic"])
        guard ingest.status == 0 else { throw HelperFailure("ingest: \(ingest.stderr)") }
        let toewijzingen = try JSONValue.parse(
            work.run(["--db", db, "toewijzingen", "--show-personal", "--format", "json"]).output)
        guard case .array(let rows) = toewijzingen, let first = rows.first,
            case .string(let bsn) = first["bsn"], case .integer(let nummer) = first["toewijzingNummer"],
            case .string(let gemeente) = first["gemeente"]
        else { throw HelperFailure("the generated ledger has no toewijzingen") }
        self.bsn = bsn
        toewijzing = Int(nummer)
        self.gemeente = gemeente
    }
}
