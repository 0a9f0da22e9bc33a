@testable import Berichten
import Foundation
import Generator
import TestSupport
import Testing

/// The decoder reads a message with its own ``XMLScanner`` when it can and with libxml2 when the
/// scanner declines. These tests hold the scanner to libxml2: what it takes it reads to the same
/// ``Bericht``, what it declines still gets libxml2's answer, and the messages written in practice
/// are all taken (else the fast path would silently stop being used).
@Suite("The decoder's own XML scanner reads messages as libxml2 does")
struct XMLScannerTests {
    /// One rewrite of the JW301 fixture.
    struct Herschrijving: Sendable, CustomTestStringConvertible {
        var naam: String
        var herschrijf: @Sendable (String) -> String
        var testDescription: String { naam }
        var bytes: [UInt8] { Array(herschrijf(XMLScannerTests.jw301).utf8) }
    }

    static let jw301 = (try? Voorbeeld.tekst("JW301")) ?? ""

    private static func vervang(_ oud: String, _ nieuw: String) -> @Sendable (String) -> String {
        { $0.replacingOccurrences(of: oud, with: nieuw) }
    }

    /// `bytes` read by `parser` alone, or by the decoder as it runs (scanner first) when `parser` is nil.
    private static func result(_ bytes: [UInt8], _ parser: BerichtDecoder.Parser?) -> Result<Bericht, BerichtError> {
        bytes.withUnsafeBytes { buffer in
            Result { () throws(BerichtError) in
                guard let parser else { return try BerichtDecoder.decode(buffer) }
                return try BerichtDecoder.read(buffer, using: parser)
            }
        }
    }

    @Test("takes every message of the project and of its generator, and reads it as libxml2 does")
    func eigenBerichten() throws {
        let berichten = try Fixture.namen.map { try Fixture.bytes($0) } + Gegenereerd.eerste.map(\.bericht.bytes)
        #expect(berichten.count == Fixture.namen.count + 28)
        for bytes in berichten {
            let gescand = try Self.result(bytes, .scanner).get()
            #expect(gescand == (try Self.result(bytes, .libxml2).get()))
        }
    }

    /// Two published examples do not decode (JW315 asks for a toewijzing until 31 June, JW318 has a
    /// RetourCode where its schema has none; see `BerichtErrorTests`): the decoder must then give
    /// libxml2's answer.
    @Test("takes every published iJw 3.2 example that decodes, and reads it as libxml2 does", .referentie)
    func gepubliceerdeVoorbeelden() throws {
        var genomen = 0
        for naam in Fixture.namen {
            let bytes = try SharedDomain.example(naam)
            let libxml2 = Self.result(bytes, .libxml2)
            if case .success = libxml2 {
                #expect(Self.result(bytes, .scanner) == libxml2, "\(naam)")
                genomen += 1
            }
            #expect(Self.result(bytes, nil) == libxml2, "\(naam)")
        }
        #expect(genomen == Fixture.namen.count - 2)
    }

    @Test("takes random rewrites of every generated message into XML that says the same, and reads them as before")
    func willekeurigHerschreven() throws {
        var herschrijver = XMLHerschrijver(seed: 0x5CA_2026)
        var herschreven = 0
        for (_, bericht) in Gegenereerd.eerste {
            let origineel = try Self.result(bericht.bytes, .libxml2).get()
            for _ in 0..<20 {
                let bytes = herschrijver.herschrijf(bericht.bytes)
                herschreven += bytes == bericht.bytes ? 0 : 1
                #expect(Self.result(bytes, .libxml2) == .success(origineel), "\(String(decoding: bytes, as: UTF8.self))")
                #expect(Self.result(bytes, .scanner) == .success(origineel))
            }
        }
        #expect(herschreven == 28 * 20)
    }

    /// XML forms a sender may use that say the same thing: the scanner must take each one.
    static let herschrijvingen: [Herschrijving] = [
        Herschrijving(naam: "CR LF line ends", herschrijf: vervang("\n", "\r\n")),
        Herschrijving(naam: "lone CR line ends", herschrijf: vervang("\n", "\r")),
        Herschrijving(naam: "CR LF inside a value", herschrijf: vervang("thuis en op", "thuis\r\nen\rop")),
        Herschrijving(naam: "no XML declaration", herschrijf: vervang("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "")),
        Herschrijving(
            naam: "declaration with single quotes, lower-case encoding and standalone",
            herschrijf: vervang("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version='1.0' encoding='utf-8' standalone='yes' ?>")),
        Herschrijving(naam: "declaration without encoding", herschrijf: vervang(" encoding=\"UTF-8\"", "")),
        Herschrijving(
            naam: "encoding in mixed case, standalone no",
            herschrijf: vervang("encoding=\"UTF-8\"?>", "encoding=\"Utf-8\" standalone=\"no\"?>")),
        Herschrijving(
            naam: "the message namespace as the default namespace",
            herschrijf: { tekst in
                tekst.replacingOccurrences(of: "jw301:", with: "").replacingOccurrences(of: "xmlns:jw301=", with: "xmlns=")
            }),
        Herschrijving(
            naam: "the basisschema prefix declared again on an inner element",
            herschrijf: vervang("<jw301:Client>", "<jw301:Client xmlns:ijw=\"http://www.istandaarden.nl/ijw/3_2/basisschema/schema\">")),
        Herschrijving(
            naam: "an xsi:schemaLocation hint",
            herschrijf: vervang(
                "<jw301:Bericht ",
                "<jw301:Bericht xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' xsi:schemaLocation='a b.xsd'\n\t")),
        Herschrijving(naam: "white space in end tags and around =", herschrijf: { tekst in
            tekst.replacingOccurrences(of: "</jw301:Header>", with: "</jw301:Header \n>")
                .replacingOccurrences(of: "xmlns:ijw=", with: "xmlns:ijw =\t")
        }),
        Herschrijving(
            naam: "the five entities and character references in a value",
            herschrijf: vervang("Begeleiding thuis", "&lt;Begeleiding&gt; &amp; &apos;thuis&quot; &#233;&#xE9;&#x1F600;")),
        Herschrijving(naam: "a character reference around a value", herschrijf: vervang(">VOT-SV-01<", ">&#32;VOT-SV-01&#x9;<")),
        Herschrijving(naam: "multi-byte UTF-8 in a value", herschrijf: vervang("Begeleiding", "Begeleiding één 😀 \u{FFFD}")),
        Herschrijving(naam: "> and ]] apart in a value", herschrijf: vervang("op school", "op ]] > ]>] school")),
    ]

    @Test("takes the XML forms a message may be written in, and reads them as libxml2 does", arguments: herschrijvingen)
    func herschreven(herschrijving: Herschrijving) throws {
        let bytes = herschrijving.bytes
        #expect(bytes != Array(Self.jw301.utf8), "the rewrite must change the message")
        let libxml2 = try Self.result(bytes, .libxml2).get()
        #expect(try Self.result(bytes, .scanner).get() == libxml2)
        #expect(try Self.result(bytes, nil).get() == libxml2)
    }

    /// What the scanner leaves to libxml2: some of it well-formed (libxml2 then decodes it), some not.
    static let afgewezen: [Herschrijving] = [
        Herschrijving(naam: "a comment", herschrijf: vervang("<jw301:Header>", "<jw301:Header><!-- x -->")),
        Herschrijving(naam: "a CDATA section", herschrijf: vervang("Begeleiding", "<![CDATA[Begeleiding <b>]]>")),
        Herschrijving(naam: "a processing instruction", herschrijf: vervang("<jw301:Header>", "<?pi x?><jw301:Header>")),
        Herschrijving(naam: "a DOCTYPE", herschrijf: vervang("<jw301:Bericht ", "<!DOCTYPE x [<!ENTITY e 'v'>]>\n<jw301:Bericht ")),
        Herschrijving(naam: "a declared entity", herschrijf: vervang("Begeleiding", "&e;")),
        Herschrijving(naam: "a non-ASCII element name", herschrijf: vervang("<jw301:Header>", "<jw301:Header><jw301:Ünbekend/>")),
        Herschrijving(naam: "an undeclared prefix", herschrijf: vervang("jw301:Header>", "x:Header>")),
        Herschrijving(naam: "an xml: attribute", herschrijf: vervang("<jw301:Bericht ", "<jw301:Bericht xml:lang='nl' ")),
        Herschrijving(naam: "a duplicate attribute", herschrijf: vervang("<jw301:Bericht ", "<jw301:Bericht a='1' a='2' ")),
        Herschrijving(naam: "a prefix declared twice on one element", herschrijf: vervang("<jw301:Bericht ", "<jw301:Bericht xmlns:ijw='x' ")),
        Herschrijving(naam: "an empty prefix binding", herschrijf: vervang("<jw301:Bericht ", "<jw301:Bericht xmlns:p='' ")),
        Herschrijving(naam: "]]> in a value", herschrijf: vervang("op school", "op ]]> school")),
        Herschrijving(naam: "invalid UTF-8", herschrijf: vervang("Begeleiding", "Begeleiding \u{1}")),
        Herschrijving(naam: "an unknown entity", herschrijf: vervang("Begeleiding", "&nbsp;")),
        Herschrijving(naam: "a reference to a character XML forbids", herschrijf: vervang("Begeleiding", "&#0;")),
        Herschrijving(naam: "an upper-case X in a character reference", herschrijf: vervang("Begeleiding", "&#X41;")),
        Herschrijving(naam: "a mismatched end tag", herschrijf: vervang("</jw301:Header>", "</jw301:Headers>")),
        Herschrijving(naam: "text after the root", herschrijf: { $0 + "x" }),
        Herschrijving(naam: "a second root", herschrijf: { $0 + "<a/>" }),
        Herschrijving(naam: "a truncated document", herschrijf: { String($0.dropLast(20)) }),
        Herschrijving(naam: "no space between attributes", herschrijf: vervang("schema\" xmlns:ijw", "schema\"xmlns:ijw")),
        Herschrijving(naam: "an XML declaration after white space", herschrijf: { " " + $0 }),
        Herschrijving(naam: "XML version 1.1", herschrijf: vervang("version=\"1.0\"", "version=\"1.1\"")),
        Herschrijving(naam: "standalone neither yes nor no", herschrijf: vervang("encoding=\"UTF-8\"?>", "encoding=\"UTF-8\" standalone=\"ja\"?>")),
        Herschrijving(naam: "a < in an attribute value", herschrijf: vervang("<jw301:Bericht ", "<jw301:Bericht xmlns:p='a<b' ")),
        Herschrijving(
            naam: "more namespace declarations on one element than the scanner compares",
            herschrijf: vervang("<jw301:Bericht ", "<jw301:Bericht " + (1...40).map { "xmlns:p\($0)='u\($0)' " }.joined())),
        Herschrijving(naam: "an unexpected element", herschrijf: vervang("<jw301:Header>", "<jw301:Header><jw301:Onbekend/>")),
    ]

    @Test("declines what it does not vouch for; the decoder then answers as libxml2 does", arguments: afgewezen)
    func aanLibxml2(herschrijving: Herschrijving) throws {
        #expect(throws: BerichtError.self) { try Self.result(herschrijving.bytes, .scanner).get() }
        #expect(Self.result(herschrijving.bytes, nil) == Self.result(herschrijving.bytes, .libxml2))
    }

    @Test("every structural and value mutant of every message: the scanner reads what it takes as libxml2 does")
    func mutanten() throws {
        let bronnen = try Fixture.namen.map { try Fixture.bytes($0) } + Gegenereerd.eerste.map(\.bericht.bytes)
        var genomen = 0
        var totaal = 0
        for bron in bronnen {
            for mutant in Mutant.alle(van: bron) {
                totaal += 1
                let libxml2 = Self.result(mutant.bytes, .libxml2)
                if case .success(let bericht) = Self.result(mutant.bytes, .scanner) {
                    genomen += 1
                    #expect(libxml2 == .success(bericht), "\(mutant.beschrijving)")
                }
                #expect(Self.result(mutant.bytes, nil) == libxml2, "\(mutant.beschrijving)")
            }
        }
        // The README's figures: over 6,000 mutants, over 300 of them still messages the scanner takes.
        #expect(totaal > 6_000)
        #expect(genomen > 300)
    }
}
