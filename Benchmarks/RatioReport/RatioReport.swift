import ArgumentParser
import BenchmarkSupport
import Foundation
import Generator
import Ingest
import Kenmerken
import Ledger

/// Prints the table of `shared/perf/baselines.md`: each zorgledger figure next to the raw C-API
/// baseline measured in the same run, with the ratio and the goal. `make bench` runs it.
@main
struct RatioReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zorgledger-bench",
        abstract: "Measure append, ingest, replay and storage against raw SQLite and LZ4 in the same run.")

    @Option(help: "Messages in the corpus.")
    var messages = 100_000

    @Option(help: "Runs per figure; the median is reported.")
    var runs = 5

    @Option(help: "Also ingest a corpus this many times larger once, for the growth figure (e.g. 10).")
    var growth: Int?

    @Option(help: "Events of the synthetic log on which proof times are also measured (0: none).")
    var proofEvents = 1_000_000

    @Option(help: ArgumentHelp(
        "A PostgreSQL role that may create databases, as postgresql://… (default: $ZORGLEDGER_BENCH_POSTGRES); "
            + "without one the figures of the log on PostgreSQL are left out.", valueName: "url"))
    var postgres: String?

    @Option(help: ArgumentHelp(
        "A Python with the eventsourcing library (9.5) installed (default: $ZORGLEDGER_BENCH_PYTHON); without one "
            + "the figure against that peer is left out.", valueName: "path"))
    var peerPython: String?

    @Option(help: "Scratch folder for corpora and ledgers (removed afterwards).")
    var scratch = "/tmp/zorgledger-bench"

    func run() throws {
        let cli = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("zorgledger").path
        guard FileManager.default.isExecutableFile(atPath: cli) else {
            throw BenchmarkError("\(cli) is missing: build the zorgledger product in the same configuration first")
        }
        try? FileManager.default.removeItem(atPath: scratch)
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }

        note("generating and decoding \(messages) messages")
        let corpus = Corpus(messages: messages)
        let xmlBytes = corpus.xmlBytes
        let inbox = scratch + "/inbox"
        try corpus.write(to: inbox)
        note("\(corpus.berichten.count) messages, \(xmlBytes / 1_000_000) MB of XML")

        // The rows the raw baseline inserts: compressed by the ledger with its trained dictionaries.
        let warm = try Ledger(path: scratch + "/warm.sqlite", access: .createIfMissing)
        _ = try warm.append(Array(corpus.events.prefix(1000)))
        let rows = warm.compressor.prepare(corpus.events)

        let files = try IngestSource.expand([inbox]).compactMap { source -> String? in
            if case .file(let path) = source { path } else { nil }
        }
        var rawInsert: [Double] = [], rawPipeline: [Double] = [], rawReplay: [Double] = []
        var append: [Double] = [], ingestLog: [Double] = []
        var ingestCLI: [Double] = [], ingestPeak: [Double] = [], peerAppend: [Double] = []
        var rawScan: [Double] = [], logScan: [Double] = [], replay: [Double] = [], replayPeak: [Double] = []
        var ledgerBytes = 0, logOnlyBytes = 0
        var treeSeconds: [Double] = [], inclusionProof: [Double] = []
        var consistencyProof: [Double] = []
        let count = Double(corpus.events.count)
        let peer = try Peer(python: peerPython ?? ProcessInfo.processInfo.environment["ZORGLEDGER_BENCH_PYTHON"])
        if peer == nil { note("no Python with eventsourcing (--peer-python or ZORGLEDGER_BENCH_PYTHON): the peer's figure is left out") }
        for run in 1...runs {
            note("run \(run) of \(runs)")
            let raw = scratch + "/raw-\(run).sqlite"
            rawInsert.append(count / (try RawBaseline.insert(rows, into: raw)))
            let pipeline = scratch + "/pipeline-\(run).sqlite"
            rawPipeline.append(count / (try RawBaseline.pipeline(files: files, into: pipeline)))

            let appended = scratch + "/append-\(run).sqlite"
            let ledger = try Ledger(path: appended, access: .createIfMissing)
            let appendClock = Stopwatch()
            try appendPipelined(corpus.events, to: ledger)
            append.append(count / appendClock.seconds)
            let proofs = try AuditFigures.proofMicroseconds(appended)
            inclusionProof.append(proofs.inclusion)
            consistencyProof.append(proofs.consistency)
            treeSeconds.append(try AuditFigures.treeSeconds(appended))

            let logOnly = scratch + "/log-\(run).sqlite"
            let sources = try IngestSource.expand([inbox])
            let ingestClock = Stopwatch()
            _ = try Ingester(ledger: try Ledger(path: logOnly, access: .createIfMissing)).ingest(sources)
            ingestLog.append(count / ingestClock.seconds)
            logOnlyBytes = try fileSize(logOnly)

            let full = scratch + "/cli-\(run).sqlite"
            let ingest = try ChildProcess.run(cli, ["ingest", inbox, "--db", full])
            guard ingest.status == 0 else { throw BenchmarkError("zorgledger ingest exited \(ingest.status)") }
            ingestCLI.append(count / ingest.seconds)
            ingestPeak.append(try ingest.peakMiB())
            ledgerBytes = try fileSize(full)
            if let peer {
                let database = scratch + "/peer-\(run).sqlite"
                peerAppend.append(count / (try peer.append(inbox, into: database)))
                try? FileManager.default.removeItem(atPath: database)
            }

            let scanned = try RawBaseline.scanAndDecompress(full)
            rawScan.append(Double(scanned.count) / scanned.seconds)
            let parsed = try RawBaseline.scanAndDecompress(full, parsing: true)
            // Every event the ledger holds is a message: a baseline that parsed fewer measured something else.
            guard parsed.count == scanned.count, parsed.count > 0 else {
                throw BenchmarkError("the raw replay parsed \(parsed.count) of the \(scanned.count) messages in the ledger")
            }
            rawReplay.append(Double(parsed.count) / parsed.seconds)
            // The ledger holds fewer events than the corpus has files (the traffic repeats some):
            // reading and replaying it are rated by the events it holds, as the raw scans are.
            let held = Double(scanned.count)
            let reader = try Ledger(path: full, access: .read)
            let scanClock = Stopwatch()
            try reader.forEachEvent { _ in }
            logScan.append(held / scanClock.seconds)
            let replayed = try ChildProcess.run(cli, ["replay", "--db", full])
            guard replayed.status == 0 else { throw BenchmarkError("zorgledger replay exited \(replayed.status)") }
            replay.append(held / replayed.seconds)
            replayPeak.append(try replayed.peakMiB())
            for path in [raw, pipeline, appended, logOnly, full] { try? FileManager.default.removeItem(atPath: path) }
        }
        let plain = Double(RawBaseline.plainLZ4Bytes(corpus.berichten.map(\.bytes))) / Double(xmlBytes)

        var table = ReportTable(title: "zorgledger benchmarks: \(corpus.events.count) messages "
            + "(\(xmlBytes / 1_000_000) MB of XML), median of \(runs) runs, \(Self.machine)")
        let insert = median(rawInsert)
        table.ratio("append of decoded events (compression, hashing included)", median(append), "events/s",
                    baseline: insert, "raw insert of the same compressed rows", goal: 0.8)
        table.ratio("ingest end to end: XML files → log (no projections)", median(ingestLog), "msgs/s",
                    baseline: insert, "raw insert", goal: 0.5)
        table.ratio("ingest with the CLI, projections included", median(ingestCLI), "msgs/s",
                    baseline: insert, "raw insert", goal: 0.5)
        table.ratio("ingest with the CLI, against the least an ingest must do", median(ingestCLI), "msgs/s",
                    baseline: median(rawPipeline), "raw pipeline (1 thread: SAX parse, SHA-256, LZ4, insert)",
                    goal: 0.5)
        if !peerAppend.isEmpty {
            table.ratio("ingest with the CLI, against a peer's bare append", median(ingestCLI), "msgs/s",
                        baseline: median(peerAppend), "eventsourcing 9.5 (Python), SQLite recorder, opaque events",
                        goal: 1.0)
        }
        let scan = median(rawScan)
        table.ratio("read the log back (decompress, metadata)", median(logScan), "events/s",
                    baseline: scan, "raw scan + LZ4 decompress", goal: nil)
        table.ratio("replay: rebuild every projection", median(replay), "events/s",
                    baseline: scan, "raw scan + LZ4 decompress", goal: 0.5)
        table.ratio("replay, against the least a replay must do", median(replay), "events/s",
                    baseline: median(rawReplay), "raw replay (1 thread: scan, LZ4 decompress, SAX parse)", goal: 1.0)
        table.storage("ledger file incl. projections / XML bytes", Double(ledgerBytes) / Double(xmlBytes), plain: plain)
        table.storage("log only / XML bytes", Double(logOnlyBytes) / Double(xmlBytes), plain: plain)
        table.share("Merkle tree over every event (leaves and nodes, one pass)", seconds: median(treeSeconds),
                    of: count / median(ingestCLI), "ingest with the CLI", goal: 0.10)
        table.latency("inclusion proof, random position, whole log", microseconds: median(inclusionProof), limit: 1000)
        table.latency("consistency proof, random sizes", microseconds: median(consistencyProof), limit: 1000)
        if proofEvents > 0 {
            note("proofs: a log of \(proofEvents) events")
            let synthetic = scratch + "/proofs.sqlite"
            try AuditFigures.syntheticLedger(events: proofEvents, at: synthetic)
            let proofs = try AuditFigures.proofMicroseconds(synthetic)
            table.latency("inclusion proof at \(proofEvents) events", microseconds: proofs.inclusion, limit: 1000)
            table.latency("consistency proof at \(proofEvents) events", microseconds: proofs.consistency, limit: 1000)
            try? FileManager.default.removeItem(atPath: synthetic)
        }
        if let server = postgres ?? ProcessInfo.processInfo.environment["ZORGLEDGER_BENCH_POSTGRES"] {
            note("PostgreSQL: ingest by 1, 2 and 4 writers, and a read model catching up")
            let figures = try PostgresFigures(server: server, cli: cli, scratch: scratch, runs: runs).measure(inbox: inbox, count: corpus.events.count)
            let one = figures.ingest[0].rate
            table.ratio("ingest into PostgreSQL (localhost), 1 writer, log only", one, "msgs/s",
                        baseline: median(ingestCLI), "ingest with the CLI into SQLite, projections included", goal: 0.5)
            for (writers, rate) in figures.ingest.dropFirst() {
                table.ratio("ingest into PostgreSQL, \(writers) writers at once", rate, "msgs/s",
                            baseline: one, "1 writer", goal: 1.0)
            }
            table.ratio("a read model catching up the whole log from PostgreSQL", figures.catchUp, "events/s",
                        baseline: median(replay), "replay of the SQLite ledger", goal: 0.5)
        } else {
            note("no PostgreSQL server (--postgres or ZORGLEDGER_BENCH_POSTGRES): its figures are left out")
        }
        table.peak("peak memory of ingest", median(ingestPeak))
        table.peak("peak memory of replay", median(replayPeak))
        if let growth {
            // One ingest of a million messages varies by a tenth from run to run, as much as the goal's margin.
            let times = 3
            note("growth: ingesting \(messages) and \(messages * growth) messages \(times) times each")
            let small = try timedIngest(messages: messages, times: times, cli: cli)
            let large = try timedIngest(messages: messages * growth, times: times, cli: cli)
            table.growth(small: messages, large: messages * growth, runs: times, ratio: large.seconds / small.seconds,
                         cpuRatio: large.cpuSeconds / small.cpuSeconds, peakMiB: large.peakMiB, limit: Double(growth) * 1.1)
        }
        print(table.rendered)
        try readSide(inbox: inbox, cli: cli)
    }

    /// Ingests the corpus and one a tenth its size, then measures the read commands on both.
    private func readSide(inbox: String, cli: String) throws {
        let smaller = messages / 10
        note("read side: ingesting \(smaller) and \(messages) messages")
        let smallInbox = scratch + "/read-small"
        try Corpus(messages: smaller).write(to: smallInbox)
        let (small, large) = (scratch + "/read-small.sqlite", scratch + "/read-large.sqlite")
        for (folder, ledger) in [(smallInbox, small), (inbox, large)] {
            let ingest = try ChildProcess.run(cli, ["ingest", folder, "--db", ledger])
            guard ingest.status == 0 else { throw BenchmarkError("zorgledger ingest exited \(ingest.status)") }
        }
        note("read side: running every read command \(min(runs, 3)) times at each size")
        let figures = try ReadSide(cli: cli, runs: min(runs, 3)).measure(small: small, large: large)
        print("")
        print(ReadSide.rendered(figures, small: smaller, large: messages))
    }

    /// Appends in batches of 1000 the way an ingest does: the next batch is compressed on other
    /// threads, below the writer's priority (`Background`), while the writer commits this one.
    private func appendPipelined(_ events: [NewEvent], to ledger: Ledger) throws {
        let batches = stride(from: 0, to: events.count, by: 1000).map {
            Array(events[$0..<min($0 + 1000, events.count)])
        }
        let compressor = ledger.compressor
        func start(_ batch: [NewEvent]) -> Background<[PreparedEvent?]> {
            Background { compressor.prepareSettled(batch) }
        }
        var next = batches.first.map(start)
        for index in batches.indices {
            guard let current = next else { break }
            let prepared = current.take()
            next = index + 1 < batches.count ? start(batches[index + 1]) : nil
            _ = try ledger.append(batches[index], prepared: prepared)
        }
    }

    /// Ingests a corpus of `messages` into a fresh ledger `times` times: the median time and CPU
    /// time, the highest peak.
    private func timedIngest(
        messages: Int, times: Int, cli: String
    ) throws -> (seconds: Double, cpuSeconds: Double, peakMiB: Double) {
        let folder = scratch + "/growth-\(messages)"
        try Corpus(messages: messages, seed: 7).write(to: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ledger = folder + ".sqlite"
        var seconds: [Double] = [], cpuSeconds: [Double] = []
        var peakMiB = 0.0
        for _ in 0..<times {
            defer { try? FileManager.default.removeItem(atPath: ledger) }
            let ingest = try ChildProcess.run(cli, ["ingest", folder, "--db", ledger])
            guard ingest.status == 0 else { throw BenchmarkError("zorgledger ingest of \(messages) messages exited \(ingest.status)") }
            seconds.append(ingest.seconds)
            cpuSeconds.append(ingest.cpuSeconds)
            peakMiB = max(peakMiB, try ingest.peakMiB())
        }
        return (median(seconds), median(cpuSeconds), peakMiB)
    }

    private func fileSize(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int
        return (attributes[.size] as? Int ?? 0) + (wal ?? 0)
    }

    private func note(_ text: String) {
        FileHandle.standardError.write(Data("zorgledger-bench: \(text)\n".utf8))
    }

    static var machine: String {
        "\(ProcessInfo.processInfo.activeProcessorCount) cores"
    }
}
