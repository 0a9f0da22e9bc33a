@testable import Berichten
import Testing

@Suite("Reading a message's namespace URI")
struct BerichtNamespaceTests {
    /// Every standard, release and message type has its URI in the table the decoder looks up.
    @Test func everyNamespaceThisModuleDecodesIsLookedUp() throws {
        #expect(BerichtNamespace.known.namespaces.count
            == Standaard.allCases.count * Release.supported.count * Berichttype.allCases.count)
        let uri = Array("http://www.istandaarden.nl/iwmo/3_1/wmo325/schema".utf8)
        let namespace = try #require(uri.withUnsafeBufferPointer(BerichtNamespace.known(utf8:)))
        #expect(try BerichtNamespace(uri: String(decoding: uri, as: UTF8.self)) == namespace)
        #expect(Array(uri.dropLast()).withUnsafeBufferPointer(BerichtNamespace.known(utf8:)) == nil)
        #expect(namespace.standaard == .iWmo)
        #expect(namespace.release == Release(major: 3, minor: 1))
        #expect(namespace.berichttype == .declaratieAntwoord)
        #expect(namespace.basisschemaURI == Array("http://www.istandaarden.nl/iwmo/3_1/basisschema/schema".utf8))
    }

    /// A URI outside the table is parsed as before: a valid spelling reads the same, an invalid one is refused.
    @Test func aURIOutsideTheTableIsParsed() throws {
        let canonical = try BerichtNamespace(uri: "http://www.istandaarden.nl/ijw/3_2/jw301/schema")
        let zeroPadded = try BerichtNamespace(uri: "http://www.istandaarden.nl/ijw/03_2/jw301/schema")
        #expect(zeroPadded.standaard == canonical.standaard)
        #expect(zeroPadded.release == canonical.release)
        #expect(zeroPadded.berichttype == canonical.berichttype)
        #expect(throws: BerichtError.self) { try BerichtNamespace(uri: "http://www.istandaarden.nl/ijw/3_2/jw999/schema") }
        #expect(throws: BerichtError.self) { try BerichtNamespace(uri: "http://www.istandaarden.nl/ijw/4_0/jw301/schema") }
    }
}
