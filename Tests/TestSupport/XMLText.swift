import Foundation

/// Just enough reading of generated XML for the tests: element text by local name, whatever the
/// prefix, without going through the decoder that is being written elsewhere.
public struct XMLText: Sendable {
    public let tekst: String

    public init(_ bytes: [UInt8]) { tekst = String(decoding: bytes, as: UTF8.self) }
    public init(tekst: String) { self.tekst = tekst }

    /// The text of every `<…:naam>` (or `<naam>`) element, in document order.
    public func waarden(_ naam: String) -> [String] {
        blokken(naam).map(\.tekst)
    }

    public func waarde(_ naam: String) -> String? { waarden(naam).first }

    /// The inner text of every element with local name `naam` (the elements must not nest).
    public func blokken(_ naam: String) -> [XMLText] {
        var resultaat: [XMLText] = []
        var rest = tekst[...]
        while let open = volgendeOpen(naam, in: rest) {
            guard let sluit = volgendeSluit(naam, in: rest[open.upperBound...]) else { break }
            resultaat.append(XMLText(tekst: String(rest[open.upperBound..<sluit.lowerBound])))
            rest = rest[sluit.upperBound...]
        }
        return resultaat
    }

    private func volgendeOpen(_ naam: String, in deel: Substring) -> Range<Substring.Index>? {
        var zoek = deel
        while let treffer = zoek.range(of: naam + ">") {
            let voor = zoek[..<treffer.lowerBound]
            if let laatste = voor.last, laatste == "<" || laatste == ":" {
                let tagBegin = voor.lastIndex(of: "<")
                if let tagBegin, voor[tagBegin...].dropFirst().first != "/",
                    !voor[tagBegin...].dropFirst().contains(where: { $0 == " " || $0 == ">" })
                {
                    return tagBegin..<treffer.upperBound
                }
            }
            zoek = zoek[treffer.upperBound...]
        }
        return nil
    }

    private func volgendeSluit(_ naam: String, in deel: Substring) -> Range<Substring.Index>? {
        var zoek = deel
        while let treffer = zoek.range(of: naam + ">") {
            let voor = zoek[..<treffer.lowerBound]
            if let tagBegin = voor.lastIndex(of: "<"), voor[tagBegin...].dropFirst().first == "/",
                !voor[tagBegin...].contains(where: { $0 == " " || $0 == ">" })
            {
                return tagBegin..<treffer.upperBound
            }
            zoek = zoek[treffer.upperBound...]
        }
        return nil
    }
}
