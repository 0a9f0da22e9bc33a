import Berichten
import Foundation
import Generator
import TestSupport
import Testing

/// The decoder claims to reject what the XSD rejects without running a validator. This checks the
/// claim: valid messages are mutated in every way below, and for each mutant the decoder's verdict
/// (decodes or throws) must equal libxml2's XSD verdict against the published schemas (conformance:
/// it needs the reference material, see ``SharedDomain``).
///
/// iWmo retours (302, 306, …, 325) are left out: their XSDs were not published with the shared
/// schemas, so there is nothing to compare with (they are decoded in ``GegenereerdeBerichtenTests``).
@Suite("The decoder's verdict agrees with XSD validation", .referentie)
struct DifferentialTests {
    struct Bron: Sendable, CustomTestStringConvertible {
        var naam: String
        var bytes: [UInt8]
        var xsd: String
        var testDescription: String { naam }
    }

    /// The project's own messages, and one generated message of every kind that has an XSD.
    static let bronnen: [Bron] =
        Fixture.namen.map { naam in
            Bron(naam: naam, bytes: Array(Fixture.tekst(naam).utf8), xsd: SharedDomain.xsd("ijw-3.2/\(naam).xsd").path)
        }
        + Gegenereerd.eerste.compactMap { soort, bericht in
            let iWmo = soort.standaard == .iWmo
            if iWmo, Berichttype(rawValue: soort.berichttype)?.isRetour ?? true { return nil }
            let xsd = iWmo ? "iwmo-3.2/WMO\(soort.berichttype).xsd" : "ijw-3.2/JW\(soort.berichttype).xsd"
            return Bron(naam: "generated \(soort)", bytes: bericht.bytes, xsd: SharedDomain.xsd(xsd).path)
        }

    @Test("mutants of a valid message", arguments: bronnen)
    func mutanten(bron: Bron) throws {
        let validator = try XSDValidator(path: bron.xsd)
        try #require(validator.validate(bron.bytes) == [], "the source message must be XSD-valid")
        #expect(Voorbeeld.fout(bron.bytes) == nil)
        let mutanten = Mutant.alle(van: bron.bytes)
        var oneens: [String] = []
        for mutant in mutanten {
            let fout = Voorbeeld.fout(mutant.bytes)
            let bevindingen = validator.validate(mutant.bytes)
            guard (fout == nil) != bevindingen.isEmpty, !Self.bewustAnders(mutant, fout: fout, bevindingen) else { continue }
            let decoder = fout.map { "throws \($0)" } ?? "decodes"
            let xsd = bevindingen.first.map { "rejects: \($0.message)" } ?? "accepts"
            oneens.append("\(mutant.beschrijving): decoder \(decoder); XSD \(xsd)")
        }
        #expect(oneens == [], "\(oneens.count) of \(mutanten.count) mutants of \(bron.naam) judged differently")
        #expect(mutanten.count >= 60)
    }

    /// The one deliberate difference. RetourCode: the decoder checks the shape every 3.x release
    /// shares (1 to 4 letters or digits), not membership of the 3.2 list, because each release
    /// (3.0, 3.1, 3.2) enumerates its own codes and a retour must be recorded as it was sent; the
    /// XSD validation of level 1 still reports a code outside the release's list.
    static func bewustAnders(_ mutant: Mutant, fout: BerichtError?, _ bevindingen: [XSDValidator.Finding]) -> Bool {
        mutant.element == "RetourCode" && fout == nil
            && bevindingen.allSatisfy { $0.message.contains("RetourCode") && $0.message.contains("enumeration") }
    }
}

/// One deterministic change to a message's text, named by what it does and where.
struct Mutant {
    var beschrijving: String
    /// The local name of the element changed.
    var element: String
    var bytes: [UInt8]

    /// Every mutation of every element: drop, duplicate, swap with the next sibling of another
    /// name, an unknown first child, and for text values: empty, a non-existent date, a
    /// malformed number and a code outside every codelist.
    static func alle(van bytes: [UInt8]) -> [Mutant] {
        let boom = XMLElementen(bytes)
        var mutanten: [Mutant] = []
        func voeg(_ wat: String, _ index: Int, _ vervangen: Range<Int>, door nieuw: [UInt8]) {
            var kopie = bytes
            kopie.replaceSubrange(vervangen, with: nieuw)
            mutanten.append(
                Mutant(beschrijving: "\(wat) \(boom.pad(index))", element: boom.elementen[index].lokaal, bytes: kopie))
        }
        for (index, element) in boom.elementen.enumerated().dropFirst() {
            let geheel = Array(bytes[element.begin..<element.einde])
            voeg("drop", index, element.begin..<element.einde, door: [])
            voeg("duplicate", index, element.einde..<element.einde, door: geheel)
            if let volgende = boom.volgendeBroer(index), boom.elementen[volgende].naam != element.naam {
                let broer = boom.elementen[volgende]
                voeg(
                    "swap with \(broer.lokaal)", index, element.begin..<broer.einde,
                    door: Array(bytes[broer.begin..<broer.einde]) + Array(bytes[element.einde..<broer.begin]) + geheel)
            }
            if element.kinderen.isEmpty {
                let waarde = element.inhoudBegin..<element.inhoudEinde
                let tekst = String(decoding: bytes[waarde], as: UTF8.self)
                voeg("empty", index, waarde, door: [])
                if tekst.utf8.count == 10, tekst.utf8.filter({ $0 == UInt8(ascii: "-") }).count == 2 {
                    voeg("bad date in", index, waarde, door: Array("2025-02-30".utf8))
                } else if !tekst.isEmpty, tekst.utf8.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) {
                    voeg("bad number in", index, waarde, door: Array("1x".utf8))
                }
                if (1...2).contains(tekst.utf8.count) {
                    voeg("bad code in", index, waarde, door: Array(repeating: UInt8(ascii: "9"), count: tekst.utf8.count))
                }
            } else {
                let prefix = element.naam.split(separator: ":").dropLast().first.map { "\($0):" } ?? ""
                voeg(
                    "unknown child in", index, element.inhoudBegin..<element.inhoudBegin,
                    door: Array("<\(prefix)Onbekend>1</\(prefix)Onbekend>".utf8))
            }
        }
        return mutanten
    }
}

/// The elements of a message as byte ranges: just enough XML to cut and splice the text.
struct XMLElementen {
    struct Element {
        var naam: String
        var lokaal: String
        /// `<` of the start tag.
        var begin: Int
        /// Just after the start tag's `>`.
        var inhoudBegin: Int
        /// `<` of the end tag.
        var inhoudEinde: Int
        /// Just after the end tag's `>`.
        var einde: Int
        var ouder: Int?
        var kinderen: [Int] = []
    }

    private(set) var elementen: [Element] = []

    init(_ bytes: [UInt8]) {
        var open: [Int] = []
        var index = 0
        func na(_ einde: String, vanaf start: Int) -> Int {
            let patroon = Array(einde.utf8)
            var positie = start
            while !bytes[positie..<(positie + patroon.count)].elementsEqual(patroon) { positie += 1 }
            return positie + patroon.count
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            let volgende = bytes[index + 1]
            if volgende == UInt8(ascii: "?") {
                index = na("?>", vanaf: index)
            } else if bytes[index...].starts(with: Array("<!--".utf8)) {
                index = na("-->", vanaf: index)
            } else if bytes[index...].starts(with: Array("<![CDATA[".utf8)) {
                index = na("]]>", vanaf: index)
            } else if volgende == UInt8(ascii: "/") {
                let laatste = open.removeLast()
                elementen[laatste].inhoudEinde = index
                index = na(">", vanaf: index)
                elementen[laatste].einde = index
            } else {
                let einde = na(">", vanaf: index)
                let naamEinde = bytes[(index + 1)...].firstIndex { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D
                    || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "/")
                }!
                let naam = String(decoding: bytes[(index + 1)..<naamEinde], as: UTF8.self)
                let lokaal = naam.split(separator: ":").last.map(String.init) ?? naam
                let nummer = elementen.count
                elementen.append(
                    Element(
                        naam: naam, lokaal: lokaal, begin: index, inhoudBegin: einde, inhoudEinde: einde, einde: einde,
                        ouder: open.last))
                if let ouder = open.last { elementen[ouder].kinderen.append(nummer) }
                if bytes[einde - 2] != UInt8(ascii: "/") { open.append(nummer) }
                index = einde
            }
        }
    }

    /// The sibling right after element `index`, if any.
    func volgendeBroer(_ index: Int) -> Int? {
        guard let ouder = elementen[index].ouder else { return nil }
        let broers = elementen[ouder].kinderen
        guard let positie = broers.firstIndex(of: index), positie + 1 < broers.count else { return nil }
        return broers[positie + 1]
    }

    /// `Client/ToegewezenProducten/ToegewezenProduct[2]/Omvang`, counting same-named siblings.
    func pad(_ index: Int) -> String {
        var delen: [String] = []
        var huidig: Int? = index
        while let nummer = huidig, let ouder = elementen[nummer].ouder {
            let element = elementen[nummer]
            let gelijk = elementen[ouder].kinderen.filter { elementen[$0].lokaal == element.lokaal }
            let positie = gelijk.firstIndex(of: nummer)! + 1
            delen.append(gelijk.count > 1 ? "\(element.lokaal)[\(positie)]" : element.lokaal)
            huidig = ouder
        }
        return delen.reversed().joined(separator: "/")
    }
}
