import Foundation
import Ingest
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

    @Test func aMissingArgumentStopsEverythingBeforeAnythingIsRead() throws {
        let work = try WorkDirectory()
        #expect(throws: IngestError("\(work.path("nowhere")): no such file or directory")) {
            try IngestSource.expand([work.path("nowhere")])
        }
    }
}
