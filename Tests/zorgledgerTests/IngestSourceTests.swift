import Foundation
import Generator
@testable import Ingest
import Kenmerken
import Ledger
import Testing
import TestSupport

@Suite("Which files an ingest takes, and in which order")
struct IngestSourceTests {
    @Test func foldersAreSearchedRecursivelyForXMLInByteOrderOfTheirPaths() throws {
        let work = try WorkDirectory()
        for name in ["in/b.xml", "in/a/z.xml", "in/a.xml", "in/C.XML", "in/notes.txt", "in/é.xml", "in/a/b/c.xml"] {
            try work.write(name, Array("<x/>".utf8))
        }
        let sources = try IngestSource.expand([work.path("in"), work.path("in/notes.txt")])
        let names = sources.map { $0.displayName.replacingOccurrences(of: work.path("in") + "/", with: "") }
        // '.' (0x2E) sorts before '/' (0x2F) and capitals before lower case; explicit files are taken as given.
        #expect(names == ["C.XML", "a.xml", "a/b/c.xml", "a/z.xml", "b.xml", "é.xml", "notes.txt"])
    }

    /// A walk takes `*.zip` and `*.json` too; a VSP record's payload goes with it, not on its own; a
    /// ZIP is its entries. The count for progress counts a pair once and a ZIP as one.
    @Test func aWalkTakesArchivesAndVSPRecordsWithTheirPayload() throws {
        let work = try WorkDirectory()
        for name in ["in/los.xml", "in/paar.json", "in/paar.xml", "in/alleen.json", "in/ander.txt", "in/.verborgen.tmp"] {
            try work.write(name, Array("<x/>".utf8))
        }
        try TransportIngestTests.archief(work, "in/portaal.ZIP", [("a.xml", Array("<a/>".utf8)), ("map/", []), ("b.xml", [])])
        let sources = try IngestSource.expand([work.path("in")])
        #expect(sources.count == 4)
        #expect(sources.map(\.name) == ["alleen.json", "los.xml", "paar.json", "portaal.ZIP!a.xml", "portaal.ZIP!b.xml"])
    }

    @Test func aMissingArgumentStopsEverythingBeforeAnythingIsRead() throws {
        let work = try WorkDirectory()
        #expect(throws: IngestError("\(work.path("nowhere")): no such file or directory")) {
            try IngestSource.expand([work.path("nowhere")])
        }
    }

    /// `-` (0x2D) < `.` (0x2E) < `/` (0x2F) < `0` (0x30): the order of whole paths as bytes is not the
    /// order of their components, so the walk must place a folder where its name followed by `/` falls.
    @Test func theWalkYieldsTheOrderOfTheWholeSortedPathList() throws {
        let work = try WorkDirectory()
        let names = [
            "a/b.xml", "a-b.xml", "a.xml", "a0.xml", "a-b/c.xml", "a.xml.d/x.xml", "a.xm/y.xml", "b.xml/c.xml",
            "ab/d.xml", "A.XML", "é.xml", "e.xml", "z/y/x/w.xml", "z/y.xml", "z/y-.xml", "z/y0.xml", "notes.txt",
            "empty/readme.txt",
        ]
        for name in names { try work.write("in/" + name, Array("<x/>".utf8)) }
        let root = work.path("in")
        let walked = try IngestSource.expand([root]).map { String($0.displayName.dropFirst(root.count + 1)) }
        // The old way, kept here as the reference: every *.xml below the folder, then one sort of the paths.
        let everything = FileManager.default.enumerator(atPath: root)!.compactMap { $0 as? String }.filter {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + $0, isDirectory: &isFolder)
            return !isFolder.boolValue && $0.lowercased().hasSuffix(".xml")
        }
        #expect(walked == everything.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(walked == [
            "A.XML", "a-b.xml", "a-b/c.xml", "a.xm/y.xml", "a.xml", "a.xml.d/x.xml", "a/b.xml", "a0.xml", "ab/d.xml",
            "b.xml/c.xml", "e.xml", "z/y-.xml", "z/y.xml", "z/y/x/w.xml", "z/y0.xml", "é.xml",
        ])
    }

    /// The walk lists a folder only when it gets there: a million files are never held as one list of paths.
    @Test func theWalkYieldsTheFirstFileBeforeListingTheRest() throws {
        let work = try WorkDirectory()
        for folder in 0..<200 {
            for file in 0..<100 { try work.write("in/\(folder)/\(file).xml", []) }
        }
        let sources = try IngestSource.expand([work.path("in")])
        #expect(sources.count == 20_000)
        var walk = XMLFileWalk(work.path("in"))
        #expect(walk.next() == work.path("in/0/0.xml"))
        #expect(walk.listed == 2)
        var count = 1
        while walk.next() != nil { count += 1 }
        #expect(count == 20_000)
        #expect(walk.listed == 201)
    }

    /// Expanding a folder argument counts its sources from the listing the walk then starts from,
    /// so the folder itself is read once; its subfolders are read when the walk gets there.
    @Test func aCountedFolderIsWalkedFromItsListing() throws {
        let work = try WorkDirectory()
        for folder in 0..<3 {
            for file in 0..<4 { try work.write("in/\(folder)/\(file).xml", []) }
        }
        for file in ["b.xml", "a.xml", "c.json", "c.xml", "notes.txt", "0/d.json", "0/d.XML"] {
            try work.write("in/" + file, [])
        }
        let (count, listing) = try XMLFileWalk.counted(work.path("in"))
        // The VSP pairs c.json + c.xml and, in a subfolder, d.json + d.XML are one source each;
        // notes.txt is none.
        #expect(count == 12 + 4)
        var fromListing = XMLFileWalk(listing)
        var fromPath = XMLFileWalk(work.path("in"))
        var paths: [String] = []
        while let path = fromListing.next() {
            paths.append(path)
            #expect(fromPath.next() == path)
        }
        #expect(fromPath.next() == nil)
        #expect(paths.count == count)
        #expect(fromListing.listed == 1 + 3)
        #expect(throws: IngestError.self) { try XMLFileWalk.counted(work.path("missing")) }
    }

    /// The ingest takes the walk one batch at a time: the log holds the files in the walk's order,
    /// and progress counts up to the total found when the arguments were expanded.
    @Test func anIngestAppendsTheWalkInItsOrderOneBatchAtATime() throws {
        let work = try WorkDirectory()
        let berichten = Array(Scenario(clients: 3, months: 2, seed: 7).berichten().prefix(7))
        let folders = ["a/", "a-b/", "a0/", "", "a/", "a.x/", ""]
        for (bericht, folder) in zip(berichten, folders) {
            try work.write("in/" + folder + bericht.bestandsnaam, bericht.bytes)
        }
        let (folder, ledgerPath) = (work.path("in"), work.ledger)
        let ((appended, progress), niceAfter) = try WriterThread.run { () throws -> (Int, [[Int]]) in
            let sources = try IngestSource.expand([folder])
            let ingester = Ingester(ledger: try Ledger(path: ledgerPath, access: .createIfMissing), batchSize: .fixed(3))
            var progress: [[Int]] = []
            let report = try ingester.ingest(sources, total: sources.count) { progress.append([$0, $1]) }
            return (report.appended, progress)
        }
        #expect(appended == 7)
        // The threads that decode and compress run below the writer; the writer is not lowered.
        #expect(niceAfter == 0)
        #expect(progress == [[3, 7], [6, 7], [7, 7]])
        let sources = try IngestSource.expand([folder])
        var payloads: [[UInt8]] = []
        try Ledger(path: work.ledger, access: .read).forEachEvent { payloads.append($0.payload) }
        let walked = try sources.map { source in
            guard case .file(let path) = source else { throw IngestError("not a file") }
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(payloads == walked)
    }

    /// Batches grow once the log holds `largeFrom` events, counted as they are appended (each
    /// batch's size is chosen while the one before is written, so one batch late), and then
    /// commit `largePerCommit` at a time (progress is told after each commit); an ingest into a
    /// log that holds that many already takes large batches from the start.
    @Test func batchesGrowOnceTheLogHoldsEnoughEvents() throws {
        let work = try WorkDirectory()
        let berichten = Array(Scenario(clients: 8, months: 3, seed: 11).berichten().prefix(20))
        #expect(berichten.count == 20)
        for bericht in berichten { try work.write("in/" + bericht.bestandsnaam, bericht.bytes) }
        let sources = try IngestSource.expand([work.path("in")])
        let size = BatchSize(small: 2, large: 5, largeFrom: 6, largePerCommit: 2)
        func ingest(_ sources: [IngestSource]) throws -> (IngestReport, [Int]) {
            let ingester = Ingester(ledger: try Ledger(path: work.ledger, access: .createIfMissing), batchSize: size)
            var done: [Int] = []
            let report = try ingester.ingest(sources, total: sources.count) { finished, _ in done.append(finished) }
            return (report, done)
        }
        let (first, done) = try ingest(Array(Array(sources).prefix(7)))
        #expect(first.appended == 7)
        #expect(done == [2, 4, 6, 7])
        let (second, again) = try ingest(Array(sources))
        #expect(second.duplicates == 7 && second.appended == 13)
        // The log holds 7 from the start: every batch is large, two of them a commit.
        #expect(again == [10, 20])
        #expect(try Ledger(path: work.ledger, access: .read).verify().isIntact)
        #expect(BatchSize.fixed(3).size(logHolding: 0) == 3 && BatchSize.fixed(3).size(logHolding: 1_000_000) == 3)
        #expect(BatchSize.standard.size(logHolding: 99_999) == 1000 && BatchSize.standard.size(logHolding: 100_000) == 2000)
        #expect(BatchSize.standard.batchesPerCommit(logHolding: 99_999) == 1)
        #expect(BatchSize.standard.batchesPerCommit(logHolding: 100_000) == 2)
        #expect(BatchSize.fixed(3).batchesPerCommit(logHolding: 1_000_000) == 1)
    }
}

@Suite("The name a source is recorded under")
struct IngestSourceNameTests {
    @Test func aFileIsRecordedByItsLastPathComponent() {
        let names = ["/tmp/in/JW301.xml", "JW301.xml", "in/a/", "map//één.xml", "/", "", "//"]
            .map { IngestSource.file($0).name }
        #expect(names == ["JW301.xml", "JW301.xml", "a", "één.xml", "/", "", "//"])
        #expect(IngestSource.zipEntry(archive: "/tmp/levering.zip", index: 0, entry: "a/JW301.xml").name
            == "levering.zip!a/JW301.xml")
    }
}
