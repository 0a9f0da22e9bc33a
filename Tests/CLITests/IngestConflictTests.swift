import Foundation
import TestSupport
import Testing

/// `ingest` reports a different message with the identity of an earlier one (same sender, type and
/// BerichtIdentificatie), stores it and flags it; the same bytes again are a duplicate, no conflict.
@Suite("ingest identity conflicts")
struct IngestConflictTests {
    static let eerste = Handwerk.toewijzing(
        id: "T1", gemeente: "0384", aanbieder: "42420001", bsn: "999900006", [.init(nummer: 1001, code: "45A03")])
    /// The identity of ``eerste`` with another toewijzing in it.
    static let ander = Handwerk.toewijzing(
        id: "T1", gemeente: "0384", aanbieder: "42420001", bsn: "999900006", [.init(nummer: 1003, code: "45A03")])
    /// Another identity: no conflict.
    static let nieuw = Handwerk.toewijzing(
        id: "T2", gemeente: "0384", aanbieder: "42420001", bsn: "999900006", [.init(nummer: 1003, code: "45A03")])

    @Test func asText() throws {
        let work = try WorkDirectory()
        try work.write("a/1.xml", Self.eerste)
        try work.write("b/1.xml", Self.eerste)
        try work.write("b/2.xml", Self.ander)
        try work.write("b/3.xml", Self.nieuw)
        #expect(try work.run(["--db", "l.sqlite", "ingest", "a"]).status == 0)
        let exit = try work.run(["--db", "l.sqlite", "ingest", "b"])
        #expect(exit.status == 0, "\(exit.stderr)")
        let lines = exit.output.split(separator: "\n")
        #expect(lines.first == "appended 2, duplicate 1, rejected 0, identity conflicts 1", "\(exit.output)")
        #expect(lines.filter { $0.hasPrefix("conflict: ") }
            == ["conflict: b/2.xml (positie 2) has the identity of positie 1 but other content"], "\(exit.output)")
        #expect(!exit.output.contains("999900006"))
    }

    @Test func asJSON() throws {
        let work = try WorkDirectory()
        try work.write("a/1.xml", Self.eerste)
        try work.write("a/2.xml", Self.ander)
        try work.write("a/3.xml", Self.ander)
        let exit = try work.run(["--db", "l.sqlite", "ingest", "a", "--format", "json"])
        #expect(exit.status == 0, "\(exit.stderr)")
        let report = try JSONValue.parse(exit.output)
        #expect(report["appended"] == .integer(2) && report["duplicate"] == .integer(1))
        #expect(report["conflicts"] == .array([
            .object(["bestand": .string("a/2.xml"), "positie": .integer(2), "eerder": .integer(1)]),
        ]))

        // Without a conflict the list is empty.
        let zonder = try WorkDirectory()
        try zonder.write("a/1.xml", Self.eerste)
        try zonder.write("a/2.xml", Self.nieuw)
        let schoon = try JSONValue.parse(try zonder.run(["--db", "l.sqlite", "ingest", "a", "--format", "json"]).output)
        #expect(schoon["appended"] == .integer(2) && schoon["conflicts"] == .array([]))
    }
}
