import ArgumentParser
import Kenmerken
import Ledger
import Projection

/// `kopieer`: how a user moves from one machine's SQLite file to a shared log on PostgreSQL (or
/// back): the same events at the same positions, recorded at the same moments, so the copy has
/// the same hash chain, the same Merkle tree and the same answers.
struct Kopieer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kopieer",
        abstract: "Copy a ledger between an SQLite file and PostgreSQL: same positions, bytes and hash chain.",
        discussion: """
            Appends every event of --van to --naar in log order with the moment it was first recorded, so \
            every position, chain link and Merkle node of the copy equals the original's; then checks that \
            both logs end on the same chain link, builds the projections of an SQLite copy, and verifies the \
            copy. --naar must be empty, or hold the start of an earlier copy of the same log, which is then \
            completed. The copy is a ledger of its own, with its own id: checkpoints signed before name the \
            original, and prove the same tree. Compression dictionaries are trained anew in the copy.

            Examples:
              zorgledger kopieer --van ledger.sqlite --naar postgresql://zorg@db.example/zorg
              zorgledger kopieer --van postgresql://zorg@db.example/zorg --naar terug.sqlite
            """)

    @Option(help: ArgumentHelp("The ledger to copy: an SQLite file or a postgresql:// URL.", valueName: "file|url"))
    var van: String

    @Option(help: ArgumentHelp("The ledger to copy into: an SQLite file or a postgresql:// URL.", valueName: "file|url"))
    var naar: String

    @Option(help: "Events per transaction of the copy.")
    var batchSize = 1000

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be at least 1") }
        guard van != naar else { throw ValidationError("--van and --naar name the same ledger") }
    }

    func run() throws {
        let bron = try LedgerLocation(van).open(.read)
        let target = try LedgerLocation(naar).open(.createIfMissing)
        let ledger = try Ledger(store: target)
        let total = try bron.headPosition()
        let done = try target.headPosition()
        let shown = (van: PasswordRedaction.redacted(van), naar: PasswordRedaction.redacted(naar))
        if done > 0 {
            guard done <= total, try target.event(at: done).chainHash == bron.event(at: done).chainHash else {
                throw CommandFailure(
                    "\(shown.naar): holds \(done) events that are not the first \(done) of \(shown.van); "
                        + "kopieer copies into an empty ledger or completes an earlier copy of the same log")
            }
        }
        let progress = Progress("kopieer")
        var batch: [NewEvent] = []
        func append() throws(LedgerError) {
            let outcomes = try ledger.append(batch)
            batch.removeAll(keepingCapacity: true)
            if case .duplicate(let earlier) = outcomes.first(where: { if case .duplicate = $0 { true } else { false } }) {
                throw LedgerError(.corrupt, "\(shown.van): an event repeats the one at position \(earlier): not a zorgledger log")
            }
            progress.update(Int(outcomes.last?.position ?? 0), of: Int(total))
        }
        try bron.forEachEvent(from: done + 1) { (event) throws(LedgerError) in
            batch.append(NewEvent(
                kind: event.kind, payload: event.payload, metadata: event.metadata, source: event.source,
                recordedAt: event.recordedAt))
            if batch.count == batchSize { try append() }
        }
        if !batch.isEmpty { try append() }
        progress.finish()
        let head = try target.headPosition()
        let sameEnd = try total == 0 || target.event(at: head).chainHash == bron.event(at: total).chainHash
        guard head == total, sameEnd else {
            throw CommandFailure("\(shown.naar): the copy does not end on the chain link of \(shown.van); it is not a copy")
        }
        if let store = target as? SQLiteStore {
            try ProjectionRunner.zorgledger.catchUp(log: store, into: ProjectionDatabase(sharing: store))
        }
        let report = try target.verify { _ in }
        guard report.isIntact else {
            throw CommandFailure("\(shown.naar): the copy does not verify: \(report.problems.first.map(\.description) ?? "")")
        }
        let copied = total == done
            ? "nothing to copy: \(shown.naar) holds all \(total) events of \(shown.van)"
            : "copied \(total - done) events (positions \(done + 1) to \(total)) from \(shown.van) to \(shown.naar)"
        print("\(copied); hash chain head \(report.headHash), verified")
    }
}
