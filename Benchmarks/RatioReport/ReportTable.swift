import Foundation

/// The benchmark report as a Markdown table, ready for the README's performance section.
struct ReportTable {
    let title: String
    private var rows: [[String]] = []

    init(title: String) { self.title = title }

    mutating func ratio(_ figure: String, _ value: Double, _ unit: String, baseline: Double, _ baselineName: String,
                        goal: Double?) {
        let ratio = value / baseline
        // A figure or baseline of nothing measured nothing: no ratio, and no goal met.
        let measured = value > 0 && baseline > 0 && ratio.isFinite
        rows.append([figure, "\(Self.rate(value)) \(unit)", "\(baselineName): \(Self.rate(baseline))/s",
                     measured ? Self.shown(ratio, against: goal) : "not measured",
                     goal.map { "≥ \($0)" + (measured && ratio >= $0 ? " ✓" : " ✗") } ?? "–"])
    }

    mutating func storage(_ figure: String, _ ratio: Double, plain: Double) {
        rows.append([figure, String(format: "%.3f", ratio), String(format: "plain LZ4: %.3f", plain),
                     Self.shown(ratio, against: 0.40), "≤ 0.40" + (ratio <= 0.40 ? " ✓" : " ✗")])
    }

    mutating func peak(_ figure: String, _ mib: Double) {
        rows.append([figure, String(format: "%.0f MiB", mib), "–", "–", "≤ 256 MiB" + (mib <= 256 ? " ✓" : " ✗")])
    }

    /// A part of an operation's time, as a share of the whole.
    mutating func share(_ figure: String, seconds: Double, of whole: Double, _ wholeName: String, goal: Double) {
        let share = seconds / whole
        rows.append([figure, String(format: "%.2f s", seconds), String(format: "%@: %.2f s", wholeName, whole),
                     String(format: "%.3f", share), String(format: "≤ %.2f", goal) + (share <= goal ? " ✓" : " ✗")])
    }

    /// The mean time of one operation, against a limit.
    mutating func latency(_ figure: String, microseconds: Double, limit: Double) {
        rows.append([figure, String(format: "%.0f µs", microseconds), "–", "–",
                     String(format: "≤ %.0f µs", limit) + (microseconds <= limit ? " ✓" : " ✗")])
    }

    /// The growth of an ingest's wall time, which has a goal, and beside it the growth of its CPU
    /// time, which has none: where the two part, the difference is time spent waiting, not working.
    mutating func growth(small: Int, large: Int, runs: Int, ratio: Double, cpuRatio: Double, peakMiB: Double, limit: Double) {
        rows.append(["growth: ingest time \(large) / \(small) messages, medians of \(runs)", String(format: "%.2f×", ratio),
                     String(format: "peak %.0f MiB at %d", peakMiB, large), Self.shown(ratio, against: limit),
                     String(format: "≤ %.0f", limit) + (ratio <= limit ? " ✓" : " ✗")])
        rows.append(["growth of the same ingests' CPU time (user + system, all threads)", String(format: "%.2f×", cpuRatio),
                     "–", String(format: "%.2f", cpuRatio), "– (the work; the row above adds the waiting)"])
    }

    /// `value` with two decimals, or as many more as it takes to show on which side of `goal` it
    /// lies: 0.996 against a goal of 1.0 reads 0.996, not 1.00 beside a ✗.
    static func shown(_ value: Double, against goal: Double?) -> String {
        var decimals = 2
        while let goal, decimals < 6, value != goal,
            let printed = Double(String(format: "%.\(decimals)f", value)), (printed < goal) != (value < goal) || printed == goal
        {
            decimals += 1
        }
        return String(format: "%.\(decimals)f", value)
    }

    var rendered: String {
        let header = ["figure", "zorgledger", "raw baseline (same run)", "ratio", "goal"]
        var lines = ["### \(title)", "", "| " + header.joined(separator: " | ") + " |",
                     "|" + header.map { _ in "---" }.joined(separator: "|") + "|"]
        lines += rows.map { "| " + $0.joined(separator: " | ") + " |" }
        return lines.joined(separator: "\n")
    }

    private static func rate(_ value: Double) -> String {
        let rounded = Int(value.rounded())
        var digits = String(rounded)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return digits + grouped
    }
}
