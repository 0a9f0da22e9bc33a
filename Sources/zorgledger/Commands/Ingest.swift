import ArgumentParser
import Berichten
import Ingest
import Ledger
import Projection

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Append every message in files and folders to the ledger.",
        discussion: """
            Folders are searched recursively for *.xml files, taken in lexicographic path order; arguments in
            the order given; `-` reads one message from standard input. A message that cannot be understood
            as an iWmo/iJw message at all is rejected and reported; one that breaks business rules is
            appended and flagged. Re-delivered messages count as duplicates and are not stored twice.

            Example:
              zorgledger --db ledger.sqlite ingest inbox/2026-05 extra/JW301.xml
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "report as text or json")
    var format: ReportFormat = .text

    @Option(help: "Messages per transaction: a crash loses at most the batch in flight.")
    var batchSize = 1000

    @Argument(help: "Files, folders or - for standard input.")
    var paths: [String]

    enum ReportFormat: String, ExpressibleByArgument {
        case text
        case json
    }

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() throws {
        let sources = try IngestSource.expand(paths)
        let (_, ingester) = try Ingester.withProjections(ledgerPath: global.ledgerPath, batchSize: batchSize)
        let progress = Progress("ingest")
        let report = try ingester.ingest(sources) { done, total in progress.update(done, of: total) }
        progress.finish()
        switch format {
        case .text: print(report.summary, terminator: "")
        case .json: print(report.json, terminator: "")
        }
        for rejection in report.rejected { Terminal.printError("rejected: \(rejection.description)") }
        if !report.rejected.isEmpty { throw ExitCode.failure }
    }
}

extension IngestReport {
    /// The counts first, then a line per conflict and per flagged message.
    var summary: String {
        var lines = ["appended \(appended), duplicate \(duplicates), rejected \(rejected.count)"
            + (conflicts.isEmpty ? "" : ", identity conflicts \(conflicts.count)")
            + (flagged.isEmpty ? "" : ", flagged \(flagged.count)")]
        for conflict in conflicts {
            lines.append("conflict: \(conflict.source.displayName) (positie \(conflict.position)) has the identity "
                + "of positie \(conflict.earlier) but other content")
        }
        for flag in flagged {
            lines.append("flagged: \(flag.source.displayName) (positie \(flag.position)): "
                + flag.bevindingen.map(\.regel).joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var json: String {
        let rejections = rejected.map {
            "{\"bestand\": \(JSON.string($0.source.displayName)), \"reden\": \(JSON.string($0.reason))}"
        }
        let conflictRows = conflicts.map {
            "{\"bestand\": \(JSON.string($0.source.displayName)), \"positie\": \($0.position), \"eerder\": \($0.earlier)}"
        }
        let flags = flagged.map { flag in
            "{\"bestand\": \(JSON.string(flag.source.displayName)), \"positie\": \(flag.position), \"bevindingen\": ["
                + flag.bevindingen.map { JSON.string($0.regel) }.joined(separator: ", ") + "]}"
        }
        return """
            {"appended": \(appended), "duplicate": \(duplicates), "rejected": [\(rejections.joined(separator: ", "))],
             "conflicts": [\(conflictRows.joined(separator: ", "))], "flagged": [\(flags.joined(separator: ", "))]}

            """
    }
}
