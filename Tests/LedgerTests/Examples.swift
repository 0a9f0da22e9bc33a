import Foundation
import Kenmerken
import Ledger
import TestSupport
import Testing

/// The project's own iJw 3.2 messages (``Fixture``) as ledger events.
enum Examples {
    static let names = Fixture.namen

    static func bytes(_ name: String) throws -> [UInt8] { try Fixture.bytes(name) }

    /// An event for a fixture, with the header facts a decoder would extract, written out by hand
    /// so the ledger is tested without the decoder.
    static func event(_ name: String, identificatie: String? = nil, payload: [UInt8]? = nil) throws -> NewEvent {
        let bytes = try payload ?? self.bytes(name)
        let type = String(name.dropFirst(2))
        let code = ["301": 436, "302": 437, "305": 438, "306": 439, "307": 440, "308": 441, "315": 446,
                    "316": 447, "317": 486, "318": 487, "319": 488, "320": 489, "323": 490, "325": 491][type]!
        let text = String(decoding: bytes, as: UTF8.self)
        func value(_ element: String) -> String? { firstValue(of: element, in: text) }
        let bsns = text.components(separatedBy: ":Bsn>").dropFirst().compactMap { part in
            part.range(of: "<").map { String(part[..<$0.lowerBound]) }
        }.filter { $0.count == 9 && $0.allSatisfy(\.isNumber) }
        let metadata = EventMetadata(
            standaard: "iJw", release: "3.2", berichtCode: code, berichttype: type,
            afzender: value("Afzender"), ontvanger: value("Ontvanger"),
            identificatie: identificatie ?? value("Identificatie"), dagtekening: value("Dagtekening"),
            identificatieRetour: value("IdentificatieRetour"), bsns: bsns)
        return NewEvent(kind: .bericht, payload: bytes, metadata: metadata, source: "\(name).xml")
    }

    /// `count` distinct 301s: the fixture with a different Identificatie each.
    static func toewijzingen(_ count: Int, from start: Int = 0) throws -> [NewEvent] {
        try copies(of: "JW301", count, from: start)
    }

    /// `count` distinct messages of fixture `name`: each with its own Identificatie in the header.
    static func copies(of name: String, _ count: Int, from start: Int = 0) throws -> [NewEvent] {
        let template = String(decoding: try bytes(name), as: UTF8.self)
        let original = try #require(firstValue(of: "Identificatie", in: template))
        return try (start..<(start + count)).map { index in
            let identificatie = "ID\(index)"
            let payload = Array(template.replacingOccurrences(of: original, with: identificatie).utf8)
            return try event(name, identificatie: identificatie, payload: payload)
        }
    }

    /// The text of the first element called `element` (in any namespace) in `text`.
    private static func firstValue(of element: String, in text: String) -> String? {
        guard let open = text.range(of: ":\(element)>") else { return nil }
        let rest = text[open.upperBound...]
        return rest.range(of: "<").map { String(rest[..<$0.lowerBound]) }
    }
}
