import ArgumentParser
import Berichten
import Ingest
import Ledger
import Projection
import Query

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Append every message in files and folders to the ledger.",
        discussion: """
            Folders are searched recursively for *.xml, *.zip and *.json files, taken in lexicographic path \
            order; arguments in the order given; `-` reads one message from standard input. Every entry of a \
            VECOZO ZIP is a message (named ARCHIVE.zip!ENTRY); NAME.json, a VSP pull BerichtMetadata record, \
            goes with its payload NAME.xml; a StUF-GGk Di01/Du01 envelope delivers the message inside. A message that cannot be understood \
            as an iWmo/iJw message at all is rejected and reported; one that breaks business rules is \
            appended and flagged. Re-delivered messages count as duplicates and are not stored twice.

            With --schemas DIR (or $ZORGLEDGER_SCHEMAS) every message is also validated against its XSD in DIR \
            (laid out like ijw-3.2/JW301.xsd, iwmo-3.2/WMO301.xsd): one that breaks it is appended and flagged \
            with rule XSD; messages whose XSD is missing from DIR are counted as not validated.

            With --watch DIR it keeps running: each file that appears in DIR is ingested once it is complete \
            (renamed into place, or unchanged for half a second), one summary line per batch; SIGINT or SIGTERM \
            end it after the batch in flight, exit status 0.

            Example:
              zorgledger --db ledger.sqlite ingest inbox/2026-05 extra/JW301.xml
              zorgledger --db ledger.sqlite ingest --watch inbox/
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "report as text or json")
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp(
        "Messages per transaction: a crash loses at most the batch in flight.",
        discussion: """
            By default \(BatchSize.standard.small), and \(BatchSize.standard.large) once the ledger holds \
            \(BatchSize.standard.largeFrom) events (fewer index pages written a message).
            """))
    var batchSize: Int?

    /// `--batch-size` when given, else batches that grow with the ledger.
    var batching: BatchSize { batchSize.map(BatchSize.fixed) ?? .standard }

    @Flag(help: "Keep running and ingest each new complete file in the one folder given.")
    var watch = false

    @Argument(help: "Files, folders or - for standard input; with --watch, one folder.")
    var paths: [String]

    enum ReportFormat: String, ExpressibleByArgument {
        case text
        case json
    }

    func validate() throws {
        guard batchSize ?? 1 > 0 else { throw ValidationError("--batch-size must be at least 1") }
        guard !watch || paths.count == 1 && paths[0] != "-" else { throw ValidationError("--watch takes one folder") }
    }

    func run() throws {
        let schemas = try global.schemaDirectory.map { directory in
            do { return try SchemaSet(directory: directory) } catch {
                throw CommandFailure(
                    "\(directory): not a readable folder of XSDs; check --schemas or ZORGLEDGER_SCHEMAS")
            }
        }
        // The arguments are checked before the ledger is created.
        let folderWatch = watch ? try FolderWatch(paths[0]) : nil
        let sources = watch ? nil : try IngestSource.expand(paths)
        let log = try global.openLog(.createIfMissing)
        let (_, ingester) = try Ingester.withProjections(
            log: log, batchSize: batching, schemas: schemas)
        guard let sources else { return try self.watch(folderWatch!, ingester, log: log) }
        let progress = Progress("ingest")
        let report = try ingester.ingest(sources, total: sources.count) { done, total in progress.update(done, of: total) }
        progress.finish()
        try global.catchUpProjections(of: log)
        show(report)
        if !report.rejected.isEmpty { throw ExitCode.failure }
    }

    /// The report in the format asked for on stdout, a line per rejection on stderr.
    func show(_ report: IngestReport) {
        switch format {
        case .text: print(report.summary, terminator: "")
        case .json: print(report.json, terminator: "")
        }
        for rejection in report.rejected { Terminal.printError("rejected: \(rejection.description)") }
    }
}

extension IngestReport {
    /// The counts first, then a line per conflict and per flagged message.
    var summary: String {
        var lines = ["appended \(appended), duplicate \(duplicates), rejected \(rejected.count)"
            + (conflicts.isEmpty ? "" : ", identity conflicts \(conflicts.count)")
            + (flagged.isEmpty ? "" : ", flagged \(flagged.count)")
            + (notValidated.isEmpty ? "" : ", not validated \(notValidated.values.reduce(0, +))")]
        for conflict in conflicts {
            lines.append("conflict: \(conflict.source.displayName) (positie \(conflict.position)) has the identity "
                + "of positie \(conflict.earlier) but other content")
        }
        for flag in flagged {
            lines.append("flagged: \(flag.source.displayName) (positie \(flag.position)): "
                + flag.bevindingen.regels.joined(separator: ", "))
            // A rule code says it all; an XSD finding needs its own words.
            for xsd in flag.bevindingen where xsd.regel == "XSD" {
                lines.append("  XSD \(xsd.pad): \(xsd.toelichting)")
            }
        }
        for (schema, count) in notValidated.sorted(by: { $0.key < $1.key }) {
            lines.append("not validated: \(count) message(s), no usable XSD at \(schema)")
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
                + flag.bevindingen.regels.map(JSON.string).joined(separator: ", ") + "], \"xsd\": ["
                + flag.bevindingen.filter { $0.regel == "XSD" }.map { JSON.string("\($0.pad): \($0.toelichting)") }
                    .joined(separator: ", ") + "]}"
        }
        let unvalidated = notValidated.sorted(by: { $0.key < $1.key }).map { schema, count in
            "{\"schema\": \(JSON.string(schema)), \"berichten\": \(count)}"
        }
        return """
            {"appended": \(appended), "duplicate": \(duplicates), "rejected": [\(rejections.joined(separator: ", "))],
             "conflicts": [\(conflictRows.joined(separator: ", "))], "flagged": [\(flags.joined(separator: ", "))],
             "notValidated": [\(unvalidated.joined(separator: ", "))]}

            """
    }
}

extension [Bevinding] {
    /// The rule codes, each once, in order of appearance (several XSD findings are one `XSD`).
    fileprivate var regels: [String] { map(\.regel).uniqueInOrder() }
}
