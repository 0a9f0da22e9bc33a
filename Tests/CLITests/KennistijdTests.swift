import Foundation
import TestSupport
import Testing

/// Knowledge time on generated traffic: a read command under `--tot-positie k` answers exactly as
/// on a ledger of only the first k messages, and under `--bekend-op D` as on a ledger of only the
/// messages known on D, whatever order the full ledger received them in.
@Suite("--bekend-op and --tot-positie")
struct KennistijdTests {
    /// Generated traffic, one file a message, in path order, each with the day it became known.
    struct Verkeer: Sendable {
        let work: WorkDirectory
        let bestanden: [String]
        let kennisdata: [String: String]

        static let shared: Swift.Result<Verkeer, any Error> = Swift.Result { try Verkeer() }

        private init() throws {
            work = try WorkDirectory()
            let generate = try work.run(["generate", "--clients", "10", "--months", "6", "--seed", "11", "--out", "t"])
            guard generate.status == 0 else { throw HelperFailure("generate: \(generate.stderr)") }
            bestanden = try FileManager.default.contentsOfDirectory(atPath: work.path("t")).filter { $0.hasSuffix(".xml") }
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { "t/\($0)" }
            var kennisdata: [String: String] = [:]
            for bestand in bestanden {
                let tekst = String(decoding: try work.bytes(bestand), as: UTF8.self)
                guard let datum = Self.element("DagtekeningRetour", tekst) ?? Self.element("Dagtekening", tekst) else {
                    throw HelperFailure("\(bestand) has no dagtekening")
                }
                kennisdata[bestand] = datum
            }
            self.kennisdata = kennisdata
        }

        /// The content of the first element `name`, with or without a namespace prefix (a retour's
        /// own DagtekeningRetour, or the header's Dagtekening; never a DeclaratieDagtekening).
        private static func element(_ name: String, _ tekst: String) -> String? {
            let open = [":\(name)>", "<\(name)>"].compactMap { tekst.range(of: $0) }.min { $0.lowerBound < $1.lowerBound }
            return open.map { String(tekst[$0.upperBound...].prefix(10)) }
        }

        /// A new ledger of `bestanden`, appended in the order given; returns its path.
        func ledger(_ naam: String, _ bestanden: [String]) throws -> String {
            let db = work.path(naam)
            let ingest = try work.run(["--db", db, "ingest"] + bestanden)
            guard ingest.status == 0 else { throw HelperFailure("ingest: \(ingest.stderr)") }
            return db
        }
    }

    /// Every read command, answering in JSON with BSNs in full; `bsn` is a client for traject.
    static func commands(bsn: String, peildatum: String) -> [[String]] {
        [
            ["toewijzingen"], ["toewijzingen", "--historie"], ["zorg"], ["declaraties"], ["verzoeken"], ["berichten"],
            ["reconcile"], ["traject", "--bsn", bsn],
        ].map { $0 + ["--peildatum", peildatum, "--format", "json", "--show-personal"] }
    }

    /// Runs `command` on `db` with `extra` options; its rows, which must be there.
    static func rows(_ work: WorkDirectory, _ db: String, _ command: [String], _ extra: [String] = []) throws
        -> [JSONValue]
    {
        let run = try work.run(["--db", db] + command + extra)
        try #require(run.status == 0, "\(command + extra): \(run.stderr)")
        guard case .array(let rows) = try JSONValue.parse(run.output) else {
            throw HelperFailure("\(command): not a JSON array")
        }
        return rows
    }

    /// A client with a toewijzing in the ledger `db`, for traject.
    static func client(_ work: WorkDirectory, _ db: String) throws -> String {
        let rows = try Self.rows(work, db, ["toewijzingen", "--format", "json", "--show-personal"])
        guard case .string(let bsn) = rows.first?["bsn"] else { throw HelperFailure("no toewijzingen") }
        return bsn
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func totPositieEqualsALedgerOfTheFirstMessages(seed: UInt64) throws {
        let verkeer = try Verkeer.shared.get()
        let vol = try verkeer.ledger("vol-\(seed).sqlite", verkeer.bestanden)
        var random = SplitMix64(seed: seed)
        let n = verkeer.bestanden.count
        let k = Int.random(in: n / 3..<n, using: &random)
        let deel = try verkeer.ledger("deel-\(seed).sqlite", Array(verkeer.bestanden.prefix(k)))
        let bsn = try Self.client(verkeer.work, deel)
        for command in Self.commands(bsn: bsn, peildatum: "2025-05-01") {
            let verwacht = try verkeer.work.run(["--db", deel] + command)
            let venster = try verkeer.work.run(["--db", vol] + command + ["--tot-positie", String(k)])
            #expect(venster.status == 0, "\(command): \(venster.stderr)")
            #expect(venster.output == verwacht.output, "\(command) --tot-positie \(k)")
            try #require(!Self.rows(verkeer.work, deel, command).isEmpty, "\(command) is empty at \(k)")
        }
        // Without a window the full ledger knows more.
        let alles = try Self.rows(verkeer.work, vol, ["berichten", "--format", "json"])
        #expect(alles.count == n && k < n)
    }

    @Test(arguments: [UInt64(4), 5, 6])
    func bekendOpEqualsALedgerOfTheMessagesKnownThen(seed: UInt64) throws {
        let verkeer = try Verkeer.shared.get()
        var random = SplitMix64(seed: seed)
        // The full ledger received the messages in a random order: arrival order must not matter.
        let vol = try verkeer.ledger("geschud-\(seed).sqlite", verkeer.bestanden.shuffled(using: &random))
        let dagen = Set(verkeer.kennisdata.values).sorted()
        let dag = dagen[Int.random(in: dagen.count / 3..<dagen.count * 5 / 6, using: &random)]
        let bekend = verkeer.bestanden.filter { verkeer.kennisdata[$0]! <= dag }
        #expect(bekend.count < verkeer.bestanden.count)
        let deel = try verkeer.ledger("bekend-\(seed).sqlite", bekend)
        let bsn = try Self.client(verkeer.work, deel)
        let bestandVol = try Self.bestanden(verkeer.work, vol)
        let bestandDeel = try Self.bestanden(verkeer.work, deel)
        for command in Self.commands(bsn: bsn, peildatum: dag) {
            let verwacht = try Self.rows(verkeer.work, deel, command)
            let venster = try Self.rows(verkeer.work, vol, command, ["--bekend-op", dag])
            try #require(!verwacht.isEmpty, "\(command) is empty on \(dag)")
            // Positions differ between the two ledgers; the files they came from do not.
            #expect(
                Self.canoniek(venster, bestandVol) == Self.canoniek(verwacht, bestandDeel),
                "\(command) --bekend-op \(dag)")
        }
    }

    /// The file each position of `db` came from.
    static func bestanden(_ work: WorkDirectory, _ db: String) throws -> [Int64: String] {
        var result: [Int64: String] = [:]
        for row in try rows(work, db, ["berichten", "--format", "json"]) {
            if case .integer(let positie) = row["positie"], case .string(let bestand) = row["bestand"] {
                result[positie] = bestand
            }
        }
        return result
    }

    /// The rows as sorted canonical text, every log position replaced by its file.
    static func canoniek(_ rows: [JSONValue], _ bestanden: [Int64: String]) -> [String] {
        func tekst(_ value: JSONValue, _ sleutel: String) -> String {
            let positie = sleutel == "positie" || sleutel.hasSuffix("Positie") || sleutel == "posities"
            switch value {
            case .null: return "null"
            case .bool(let waarde): return String(waarde)
            case .integer(let waarde): return positie ? "@" + (bestanden[waarde] ?? "?\(waarde)") : String(waarde)
            case .number(let waarde): return String(waarde)
            case .string(let waarde): return "\"\(waarde)\""
            case .array(let waarden):
                let delen = waarden.map { tekst($0, sleutel) }
                return "[" + (positie ? delen.sorted() : delen).joined(separator: ",") + "]"
            case .object(let object):
                return "{" + object.keys.sorted().map { "\($0):" + tekst(object[$0]!, $0) }.joined(separator: ",") + "}"
            }
        }
        return rows.map { tekst($0, "") }.sorted()
    }
}
