import ArgumentParser
import Foundation
import Ledger
import Projection

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the ledger's integrity (hash chain, stored bytes, immutability) and its projections.",
        discussion: """
            Recomputes the SHA-256 chain over every event and reports each event that was changed, removed \
            or moved behind zorgledger's back, naming the first bad position. Exits 3 when anything is wrong. \
            Write the printed head hash down elsewhere: a later verify that ends on another hash means \
            events at the end were removed.

            --format json prints one object of what was checked and what was found (still exit 3 on a problem):
              {"ok", "events", "headHash", "problemCount", "firstProblem",
               "hashChain": {"intact", "firstBadPosition", "problems"},
               "projections": {"checked", "match", "problems"}}

            Examples:
              zorgledger --db ledger.sqlite verify
              zorgledger --db ledger.sqlite verify --format json
            """)

    /// Verify reports one outcome, not rows: a line for people, or one JSON object for scripts.
    enum Uitvoer: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: "text or json (default: text).")
    var format: Uitvoer = .text

    func run() throws {
        let log = try global.openLog(.read)
        let total = try log.headPosition()
        let progress = Progress("verify")
        let report = try log.verify { progress.update(Int($0), of: Int(total)) }
        progress.finish()
        // Only an intact log is worth replaying: the projections are compared with a fresh fold of it.
        let projectionProblems = report.isIntact ? try projectionProblems(of: log) : nil
        let problems = report.problems.map(\.description) + (projectionProblems ?? [])
        switch format {
        case .text:
            for problem in problems { Terminal.printError("verify: \(problem)") }
            if problems.isEmpty {
                print("ok: \(report.eventCount) events, hash chain intact, head \(report.headHash); "
                    + (projectionProblems == nil ? "projections not checked (no --projections)" : "projections match a replay"))
            }
        case .json:
            print(try Self.json(report, projectionProblems: projectionProblems))
        }
        guard problems.isEmpty else {
            Terminal.printError(report.isIntact
                ? "verify: FAILED, the projections do not match a fresh replay"
                : "verify: FAILED, \(report.problems.count) problem(s)"
                    + (Self.firstBadPosition(report).map { "; first bad position \($0)" } ?? ""))
            throw ExitCode(3)
        }
    }

    /// The differences between the stored projections and a fresh replay: of the SQLite ledger's
    /// own, or of the read model (brought up to date first); nil for a log on PostgreSQL read
    /// without one.
    private func projectionProblems(of log: any AuditedStore) throws -> [String]? {
        switch try global.location {
        case .file(let path):
            return try ProjectionRunner.zorgledger.verify(log: log, projectionsAt: path)
        case .postgres(let url):
            guard global.readModelPath != nil else { return nil }
            let model = try global.readModel(of: url, following: log)
            try model.catchUp(.zorgledger)
            return try model.verify(.zorgledger)
        }
    }

    private static func firstBadPosition(_ report: VerificationReport) -> Int64? {
        report.problems.first { $0.position != nil }?.position
    }

    /// The outcome as one JSON object; `projections.match` is null when a broken chain left them unchecked.
    private static func json(_ report: VerificationReport, projectionProblems: [String]?) throws -> String {
        let problems = report.problems.map(\.description) + (projectionProblems ?? [])
        let object: [String: Any] = [
            "ok": problems.isEmpty,
            "events": report.eventCount,
            "headHash": report.headHash.description,
            "problemCount": problems.count,
            "firstProblem": problems.first ?? NSNull(),
            "hashChain": [
                "intact": report.isIntact,
                "firstBadPosition": firstBadPosition(report) ?? NSNull(),
                "problems": report.problems.map(\.description),
            ] as [String: Any],
            "projections": [
                "checked": projectionProblems != nil,
                "match": projectionProblems.map(\.isEmpty) ?? NSNull(),
                "problems": projectionProblems ?? [],
            ] as [String: Any],
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
