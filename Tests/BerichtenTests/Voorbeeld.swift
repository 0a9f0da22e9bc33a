import Berichten
import Foundation
import TestSupport

/// The project's own messages (``Fixture``) as text, and the rewrites the decoder must be indifferent to.
enum Voorbeeld {
    static func tekst(_ naam: String) throws -> String {
        String(decoding: try Fixture.bytes(naam), as: UTF8.self)
    }

    static func decode(_ naam: String) throws -> Bericht {
        try BerichtDecoder.decode(try Fixture.bytes(naam))
    }

    /// The published example `naam` decoded (conformance tests only: it needs the reference material).
    static func referentie(_ naam: String) throws -> Bericht {
        try BerichtDecoder.decode(try SharedDomain.example(naam))
    }

    static func decode(tekst: String) throws(BerichtError) -> Bericht {
        try BerichtDecoder.decode(Array(tekst.utf8))
    }

    /// The error decoding `tekst` throws; nil when it decodes.
    static func fout(_ tekst: String) -> BerichtError? {
        fout(Array(tekst.utf8))
    }

    static func fout(_ bytes: [UInt8]) -> BerichtError? {
        do {
            _ = try BerichtDecoder.decode(bytes)
            return nil
        } catch {
            return error
        }
    }

    /// The message prefix of a message, e.g. `jw301`.
    static func prefix(_ naam: String) -> String { naam.lowercased() }

    /// Binds other prefixes to both namespaces.
    static func anderePrefixen(_ tekst: String, _ naam: String) -> String {
        tekst.replacingOccurrences(of: "\(prefix(naam)):", with: "m:")
            .replacingOccurrences(of: "xmlns:\(prefix(naam))=", with: "xmlns:m=")
            .replacingOccurrences(of: "ijw:", with: "b:")
            .replacingOccurrences(of: "xmlns:ijw=", with: "xmlns:b=")
    }

    /// Puts the message namespace in the default namespace, so its elements carry no prefix.
    static func standaardNamespace(_ tekst: String, _ naam: String) -> String {
        tekst.replacingOccurrences(of: "\(prefix(naam)):", with: "")
            .replacingOccurrences(of: "xmlns:\(prefix(naam))=", with: "xmlns=")
    }

    /// Everything on one line, no indentation.
    static func eenRegel(_ tekst: String) -> String {
        tekst.replacingOccurrences(of: ">\\s+<", with: "><", options: .regularExpression)
    }

    static func alleenLF(_ tekst: String) -> String { tekst.replacingOccurrences(of: "\r\n", with: "\n") }

    static func alleenCRLF(_ tekst: String) -> String { alleenLF(tekst).replacingOccurrences(of: "\n", with: "\r\n") }

    /// Comments between elements, CDATA and whitespace around every text value.
    static func versierd(_ tekst: String) -> String {
        tekst.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", with: "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!-- voor -->")
            .replacingOccurrences(of: ">([^<>\\s][^<>]*)</", with: "> <!-- c --><![CDATA[$1]]>\n\t </", options: .regularExpression)
    }

    /// The same message as iWmo: its namespaces, its BerichtCode and an iWmo product category.
    static func alsIWmo(_ tekst: String, _ naam: String) -> String {
        let nummer = String(naam.dropFirst(2))
        let type = Berichttype(rawValue: nummer)!
        return tekst.replacingOccurrences(of: "/ijw/3_2/jw\(nummer)/", with: "/iwmo/3_2/wmo\(nummer)/")
            .replacingOccurrences(of: "/ijw/3_2/basisschema/", with: "/iwmo/3_2/basisschema/")
            .replacingOccurrences(
                of: "BerichtCode>\(type.berichtCode(for: .iJw))<", with: "BerichtCode>\(type.berichtCode(for: .iWmo))<")
            .replacingOccurrences(of: "Categorie>(55|45)<", with: "Categorie>02<", options: .regularExpression)
    }

    /// The same message in another 3.x release.
    static func alsRelease(_ tekst: String, _ release: String, subversie: Int) -> String {
        tekst.replacingOccurrences(of: "/ijw/3_2/", with: "/ijw/\(release)/")
            .replacingOccurrences(
                of: "BerichtSubversie>2<", with: "BerichtSubversie>\(subversie)<")
    }

    /// Replaces only the last occurrence.
    static func vervangLaatste(_ tekst: String, _ oud: String, _ nieuw: String) -> String {
        guard let bereik = tekst.range(of: oud, options: .backwards) else {
            preconditionFailure("the message no longer contains \(oud)")
        }
        return tekst.replacingCharacters(in: bereik, with: nieuw)
    }

    static func vervang(_ tekst: String, _ oud: String, _ nieuw: String) -> String {
        precondition(tekst.contains(oud), "the message no longer contains \(oud)")
        return tekst.replacingOccurrences(of: oud, with: nieuw)
    }
}
