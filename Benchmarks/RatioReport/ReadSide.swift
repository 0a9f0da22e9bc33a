import BenchmarkSupport
import Foundation

/// The read side: every list command and the single-client lookups, run as users run them (the
/// CLI, JSON output) on two ledgers 10x apart, with the growth ratio and peak memory, beside the
/// raw cost of stepping the rows they read from the same ledger with the C API in the same run.
struct ReadSide {
    /// One read command and the raw read it is set against.
    struct Command {
        var name: String
        var arguments: [String]
        /// The fact rows the command reads, as plain SQL (`?1`: the client, for a lookup).
        var raw: String
        var lookup: Bool
    }

    struct Figure {
        var command: Command
        var small: ChildProcess.Measurement
        var large: ChildProcess.Measurement
        /// The peak memory of `large`, in MiB.
        var largePeakMiB: Double
        var rawRows: Int
        var rawSeconds: Double
    }

    let cli: String
    let runs: Int

    /// Measures every command on `small` and `large` (ledger files 10x apart); a lookup asks
    /// each ledger about a client of its own, from the middle of its log.
    func measure(small: String, large: String) throws -> [Figure] {
        let (smallClient, largeClient) = (try client(of: small), try client(of: large))
        return try zip(commands(largeClient), commands(smallClient)).map { command, smaller in
            let raw = try (1...runs).map { _ in
                try RawBaseline.read(large, command.raw, command.lookup ? largeClient.bsn : nil)
            }
            let largeFigure = try median(command, large)
            return Figure(
                command: command, small: try median(smaller, small), large: largeFigure,
                largePeakMiB: try largeFigure.peakMiB(), rawRows: raw[0].rows, rawSeconds: raw.map(\.seconds).sorted()[runs / 2])
        }
    }

    private func client(of ledger: String) throws -> (bsn: String, toewijzing: String) {
        let sql = """
            SELECT bsn || ' ' || toewijzing_nummer FROM toewijzingen_versies
            WHERE positie >= (SELECT max(positie) / 2 FROM toewijzingen_versies) ORDER BY positie LIMIT 1
            """
        guard let row = try RawBaseline.rows(ledger, sql).first?.split(separator: " "), row.count == 2 else {
            throw BenchmarkError("\(ledger) has no toewijzingen")
        }
        return (String(row[0]), String(row[1]))
    }

    private func median(_ command: Command, _ ledger: String) throws -> ChildProcess.Measurement {
        let measurements = try (1...runs).map { _ in
            let measurement = try ChildProcess.run(cli, command.arguments + ["--db", ledger, "--format", "json"])
            guard measurement.status == 0 else {
                throw BenchmarkError("zorgledger \(command.name) exited \(measurement.status)")
            }
            return measurement
        }
        return measurements.sorted { $0.seconds < $1.seconds }[runs / 2]
    }

    private func commands(_ client: (bsn: String, toewijzing: String)) -> [Command] {
        let bsn = client.bsn
        func rows(_ table: String) -> String { "SELECT * FROM \(table) WHERE bsn = ?1" }
        return [
            Command(name: "toewijzingen", arguments: ["toewijzingen"], raw: "SELECT * FROM toewijzingen_versies",
                    lookup: false),
            Command(name: "zorg", arguments: ["zorg"], raw: "SELECT * FROM zorg_starts", lookup: false),
            Command(name: "declaraties", arguments: ["declaraties"], raw: "SELECT * FROM declaraties_prestaties",
                    lookup: false),
            Command(name: "verzoeken", arguments: ["verzoeken"], raw: "SELECT * FROM verzoeken_aanvragen",
                    lookup: false),
            Command(name: "berichten", arguments: ["berichten"], raw: "SELECT * FROM uitwisseling_berichten",
                    lookup: false),
            Command(name: "reconcile", arguments: ["reconcile"], raw: "SELECT * FROM declaraties_prestaties",
                    lookup: false),
            Command(name: "traject --bsn", arguments: ["traject", "--bsn", bsn],
                    raw: rows("event_bsn"), lookup: true),
            Command(name: "traject --toewijzing", arguments: ["traject", "--toewijzing", client.toewijzing],
                    raw: rows("toewijzingen_versies"), lookup: true),
            Command(name: "toewijzingen --bsn", arguments: ["toewijzingen", "--bsn", bsn],
                    raw: rows("toewijzingen_versies"), lookup: true),
            Command(name: "zorg --bsn", arguments: ["zorg", "--bsn", bsn],
                    raw: rows("zorg_starts"), lookup: true),
            Command(name: "declaraties --bsn", arguments: ["declaraties", "--bsn", bsn],
                    raw: rows("declaraties_prestaties"), lookup: true),
        ]
    }

    /// The figures as a Markdown table; the goals are those of issue 12.
    static func rendered(_ figures: [Figure], small: Int, large: Int) -> String {
        let header = ["command", "\(small) msgs", "\(large) msgs", "growth", "peak at \(large)",
                      "raw read of its rows (same run)", "ratio", "goal"]
        var lines = ["### read side: \(small) and \(large) messages, JSON output, median", "",
                     "| " + header.joined(separator: " | ") + " |",
                     "|" + header.map { _ in "---" }.joined(separator: "|") + "|"]
        for figure in figures {
            let growth = figure.large.seconds / figure.small.seconds
            let goal: String
            let met: Bool
            if figure.command.lookup {
                goal = "≤ 0.15 s, ≤ 128 MiB"
                met = figure.large.seconds <= 0.15 && figure.largePeakMiB <= 128
            } else {
                let limit: Double = figure.command.name == "reconcile" ? 256 : 128
                goal = String(format: "growth ≤ 13×, ≤ %.0f MiB", limit)
                met = growth <= 13 && figure.largePeakMiB <= limit
            }
            lines.append("| " + [
                figure.command.name, String(format: "%.3f s", figure.small.seconds),
                String(format: "%.3f s", figure.large.seconds), String(format: "%.1f×", growth),
                String(format: "%.0f MiB", figure.largePeakMiB),
                String(format: "%d rows: %.3f s", figure.rawRows, figure.rawSeconds),
                String(format: "%.0f", figure.large.seconds / max(figure.rawSeconds, 0.0001)),
                goal + (met ? " ✓" : " ✗"),
            ].joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }
}
