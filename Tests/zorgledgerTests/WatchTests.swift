import Foundation
import TestSupport
import Testing

/// `ingest --watch DIR` as a transport client's folder is filled while it runs.
@Suite("ingest --watch")
struct WatchTests {
    /// `ingest --watch in` in `work`, started as itself (not under peak-rss) so it can be signalled.
    private func start(_ work: WorkDirectory) throws -> Child {
        try Child(Zorgledger.executable, ["ingest", "--watch", "in"], in: work)
    }

    /// The `bestand` of every message in the ledger, once it holds `count` (or after 30 seconds).
    private func bestanden(_ work: WorkDirectory, count: Int) throws -> [String] {
        let deadline = Date().addingTimeInterval(30)
        var bestanden: [String] = []
        repeat {
            let result = try work.run(["berichten", "--format", "json"])
            let rows = (try? JSONSerialization.jsonObject(with: Data(result.stdout)) as? [[String: Any]]) ?? []
            bestanden = rows.compactMap { $0["bestand"] as? String }
            if bestanden.count >= count { break }
            usleep(100_000)
        } while Date() < deadline
        return bestanden
    }

    @Test func eachCompleteFileIsIngestedAHalfWrittenOneNeverAndASignalEndsIt() throws {
        let work = try WorkDirectory()
        try work.write("in/.gitkeep", [])
        let watch = try start(work)
        // Read commands work while it runs, before the first file too.
        let deadline = Date().addingTimeInterval(30)
        var leeg = try work.run(["berichten", "--format", "json"])
        while leeg.status != 0 && Date() < deadline {
            usleep(100_000)
            leeg = try work.run(["berichten", "--format", "json"])
        }
        #expect(leeg.status == 0 && leeg.output.hasPrefix("["), "\(leeg.stderr)")
        /// A file written under a temporary name and renamed into place.
        func renamed(_ naam: String) throws {
            try work.write("in/\(naam).xml.tmp", try Fixture.bytes(naam))
            try FileManager.default.moveItem(atPath: work.path("in/\(naam).xml.tmp"), toPath: work.path("in/\(naam).xml"))
        }
        try renamed("JW301")
        #expect(try bestanden(work, count: 1) == ["JW301.xml"])
        // Now that the watch runs: a file still being written, half of it, its writer holding it open.
        let half = try Fixture.bytes("JW305")
        _ = FileManager.default.createFile(atPath: work.path("in/JW305.xml"), contents: nil)
        let writer = try FileHandle(forWritingTo: work.url.appendingPathComponent("in/JW305.xml"))
        try writer.write(contentsOf: Data(half.prefix(300)))
        try renamed("JW307")
        // The half-written file was looked at with the later one and left alone.
        #expect(try bestanden(work, count: 2) == ["JW301.xml", "JW307.xml"])
        try writer.write(contentsOf: Data(half.dropFirst(300)))
        try writer.close()
        #expect(try bestanden(work, count: 3) == ["JW301.xml", "JW307.xml", "JW305.xml"])
        #expect(try work.run(["bericht", "3", "--raw"]).stdout == half)

        watch.signal(SIGINT)
        let exit = watch.wait(timeout: 30)
        #expect(exit.status == 0, "\(exit.stderr)")
        #expect(exit.output == String(repeating: "appended 1, duplicate 0, rejected 0\n", count: 3))
        #expect(try work.run(["verify"]).status == 0)
    }

    @Test func aKilledWatchLosesNothingAndARerunContinues() throws {
        let work = try WorkDirectory()
        try work.write("in/JW301.xml", try Fixture.bytes("JW301"))
        let first = try start(work)
        #expect(try bestanden(work, count: 1) == ["JW301.xml"])
        first.kill()
        _ = first.wait()
        // The last in a subfolder, which inotify does not watch: the watch finds it by looking again.
        for naam in ["JW302", "JW305", "sub/JW306"] {
            try work.write("in/\(naam).xml", try Fixture.bytes(String(naam.suffix(5))))
        }
        let second = try start(work)
        #expect(try bestanden(work, count: 4) == ["JW301.xml", "JW302.xml", "JW305.xml", "JW306.xml"])
        second.signal(SIGTERM)
        let exit = second.wait(timeout: 30)
        #expect(exit.status == 0, "\(exit.stderr)")
        // The files may become still at different moments, so they may come in more than one batch.
        #expect(totals(exit.output) == [3, 1, 0], "\(exit.output)")
        #expect(try work.run(["verify"]).status == 0)
    }

    @Test func watchTakesOneFolder() throws {
        let work = try WorkDirectory()
        let two = try work.run(["ingest", "--watch", "a", "b"])
        #expect(two.status == 2)
        let missing = try work.run(["ingest", "--watch", "nergens"])
        #expect(missing.status == 1)
        #expect(missing.stderrLines.count == 1)
        #expect(!FileManager.default.fileExists(atPath: work.path("zorgledger.sqlite")))
    }

    /// The appended, duplicate and rejected counts of every batch line of a watch, summed.
    private func totals(_ output: String) -> [Int] {
        output.split(separator: "\n").reduce(into: [0, 0, 0]) { sum, line in
            let counts = line.split(separator: ",").compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }
            guard counts.count == 3 else { return }
            for index in sum.indices { sum[index] += counts[index] }
        }
    }
}
