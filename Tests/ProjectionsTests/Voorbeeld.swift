import Foundation
import TestSupport

/// The project's own iJw 3.2 messages (``Fixture``), and small hand-written variants of them.
enum Voorbeeld {
    /// The fixture `JWnnn.xml` with each `(old, new)` replaced everywhere, in order, and the
    /// first occurrence of each element in `zonder` removed.
    static func bericht(_ type: String, _ vervangingen: [(String, String)] = [], zonder: [String] = []) -> [UInt8] {
        var text = Fixture.tekst("JW\(type)")
        for (oud, nieuw) in vervangingen {
            precondition(text.contains(oud), "JW\(type).xml has no \(oud)")
            text = text.replacingOccurrences(of: oud, with: nieuw)
        }
        for element in zonder { text = verwijderd(element, uit: text) }
        return Array(text.utf8)
    }

    /// A replacement of the message's own Identificatie.
    static func identificatie(_ oud: String, _ nieuw: String) -> (String, String) {
        ("<ijw:Identificatie>\(oud)</ijw:Identificatie>", "<ijw:Identificatie>\(nieuw)</ijw:Identificatie>")
    }

    /// `text` without the first `element`, from its opening tag to its closing tag.
    private static func verwijderd(_ element: String, uit text: String) -> String {
        guard let start = text.range(of: "<\(element)>"),
            let end = text.range(of: "</\(element)>", range: start.upperBound..<text.endIndex)
        else { preconditionFailure("no element \(element)") }
        return text.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "")
    }
}
