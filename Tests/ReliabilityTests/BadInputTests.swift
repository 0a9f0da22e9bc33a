import Foundation
import TestSupport
import Testing

@Suite("Hostile and broken files: one clear line each, the ledger untouched, no file or network access")
struct BadInputTests {
    /// Peak memory a child may reach on any of these files: far below what expanding a bomb or
    /// reading a 30 MB file whole into a tree would take.
    static let memoryLimit = 200 * 1024 * 1024

    /// A peak that is a real measurement and under the limit: a started Swift executable always
    /// holds more than 1 MiB, so a missing or smaller figure means the peak was not measured.
    static func plausible(_ exit: Child.Exit) -> Bool {
        exit.maxResident.map { (1_048_576..<memoryLimit).contains($0) } ?? false
    }

    @Test(.timeLimit(.minutes(1))) func everyHostileFileIsRejectedAlone() throws {
        let work = try WorkDirectory()
        let secret = try FileTripwire(path: work.path("secret.txt"), contents: "not for XML parsers\n")
        let listener = try PortTripwire()
        let corpus = try HostileCorpus(secret: secret.path, port: listener.port)
        #expect(corpus.cases.count == 14, "the README counts 14 hostile files")
        let first = try work.zorgledger(["ingest", Fixture.path("JW301")])
        #expect(first.status == 0, "\(first.stderr)")
        let verified = try work.zorgledger(["verify"])
        #expect(verified.status == 0 && verified.output.hasPrefix("ok: 1 events"), "\(verified.output)")
        let before = try work.database("ledger.sqlite")

        for hostile in corpus.cases {
            try work.write("bad/\(hostile.file)", hostile.bytes)
            let file = work.path("bad/\(hostile.file)")
            let exit = try work.zorgledger(["ingest", file])
            #expect(exit.status == 1, "\(hostile.file): \(exit.stderr)")
            #expect(exit.output == "appended 0, duplicate 0, rejected 1\n", "\(hostile.file)")
            #expect(exit.stderrLines.count == 1, "\(hostile.file): \(exit.stderr)")
            let line = try #require(exit.stderrLines.first)
            #expect(line.hasPrefix("rejected: \(file): "), "\(line)")
            #expect(line.contains(hostile.reason), "\(hostile.file): \(line)")
            #expect(line.count < 300, "\(hostile.file): \(line.count) characters")
            #expect(Self.plausible(exit), "\(hostile.file): peak \(exit.maxResident.map(String.init) ?? "not measured") bytes")
            #expect(try work.database("ledger.sqlite") == before, "\(hostile.file) changed the ledger or its -wal")
        }
        #expect(!secret.wasTouched(), "an external entity made zorgledger open \(secret.path)")
        #expect(!listener.wasContacted(), "an external entity made zorgledger connect to 127.0.0.1")
        let after = try work.zorgledger(["verify"])
        #expect(after.status == 0 && after.output == verified.output, "\(after.output)")

        // The controls: the tripwires do notice an open and a connection.
        _ = try Data(contentsOf: URL(fileURLWithPath: secret.path))
        listener.connectOnce()
        #expect(secret.wasTouched())
        #expect(listener.wasContacted())
    }

    /// An XInclude inside an otherwise readable message: the message was exchanged, so it is
    /// recorded and flagged for breaking its schema, and the include is never followed.
    @Test func anXIncludeIsRecordedButNeverFollowed() throws {
        let work = try WorkDirectory()
        let listener = try PortTripwire()
        let text = String(decoding: try Fixture.bytes("JW301"), as: UTF8.self)
        let include = "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"http://127.0.0.1:\(listener.port)/x\"/>"
        try work.write("xinclude.xml", Array(text.replacingOccurrences(of: "<jw301:Header>", with: include + "<jw301:Header>").utf8))
        let exit = try work.zorgledger(["ingest", work.path("xinclude.xml"), "--format", "json"])
        #expect(exit.status == 0, "\(exit.stderr)")
        #expect(exit.output.contains("\"appended\": 1"))
        #expect(exit.output.contains("\"bevindingen\": [\"XSD\"]"))
        #expect(!listener.wasContacted(), "an XInclude made zorgledger connect to 127.0.0.1")
    }

    @Test func aHugeStandardInputIsCutOffWithBoundedMemory() throws {
        let work = try WorkDirectory()
        try work.write("huge.xml", [UInt8](repeating: UInt8(ascii: "<"), count: 30_000_000))
        let exit = try work.zorgledger(["ingest", "-"], stdin: work.path("huge.xml"))
        #expect(exit.status == 1)
        #expect(exit.stderrLines.count == 1)
        #expect(exit.stderr.hasPrefix("rejected: <stdin>: "))
        #expect(exit.stderr.contains("bytes is larger than the 25 MB a message may have (OP179)"))
        #expect(Self.plausible(exit), "peak \(exit.maxResident.map(String.init) ?? "not measured") bytes")
    }
}
