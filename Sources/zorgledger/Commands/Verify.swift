import ArgumentParser
import Ledger
import Projection

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the ledger's integrity (hash chain, stored bytes, immutability) and its projections.",
        discussion: """
            Recomputes the SHA-256 chain over every event and reports each event that was changed, removed \
            or moved behind zorgledger's back, naming the first bad position. Exits 3 when anything is wrong. \
            Write the printed head hash down elsewhere: a later verify that ends on another hash means \
            events at the end were removed.

            Example:
              zorgledger --db ledger.sqlite verify
            """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ledger = try global.openForReading()
        let total = try ledger.headPosition()
        let progress = Progress("verify")
        let report = try ledger.verify { progress.update(Int($0), of: Int(total)) }
        progress.finish()
        guard report.isIntact else {
            for problem in report.problems { Terminal.printError("verify: \(problem)") }
            let first = report.problems.first { $0.position != nil }?.position
            Terminal.printError("verify: FAILED, \(report.problems.count) problem(s)"
                + (first.map { "; first bad position \($0)" } ?? ""))
            throw ExitCode(3)
        }
        // Only an intact log is worth replaying: the projections are compared with a fresh fold of it.
        let projectionProblems = try ProjectionRunner.zorgledger.verify(ledgerPath: global.ledgerPath)
        guard projectionProblems.isEmpty else {
            for problem in projectionProblems { Terminal.printError("verify: \(problem)") }
            Terminal.printError("verify: FAILED, the projections do not match a fresh replay")
            throw ExitCode(3)
        }
        print("ok: \(report.eventCount) events, hash chain intact, head \(report.headHash); projections match a replay")
    }
}
