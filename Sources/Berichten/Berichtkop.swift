/// What can still be read from a message whose content breaks its schema: its namespace, its
/// header and its BSNs.
///
/// Such a message was exchanged all the same, so the ledger records it, flagged with what is
/// wrong; the standard counts it as not sent (control level 1: no retour follows), so no
/// projection takes facts from it. Only a message whose header cannot be read either is
/// "not an iWmo/iJw message at all" and rejected.
public struct Berichtkop: Sendable, Hashable {
    public var standaard: Standaard
    public var release: Release
    public var berichttype: Berichttype
    public var header: Header
    /// The 9-digit values of every `Bsn` element, each once, in order of appearance.
    public var bsns: [String]

    /// Reads the header of `bytes`, with the same safety as ``BerichtDecoder`` (size, encoding,
    /// no DOCTYPE, no network) but without the schema check of the content.
    /// - throws: ``BerichtError`` when even the header cannot be read.
    public static func read(_ bytes: [UInt8]) throws(BerichtError) -> Berichtkop {
        try bytes.withUnsafeBytes { buffer in Result { () throws(BerichtError) in try read(buffer) } }.get()
    }

    public static func read(_ buffer: UnsafeRawBufferPointer) throws(BerichtError) -> Berichtkop {
        guard !buffer.isEmpty else { throw BerichtError(.empty, "the message is empty") }
        guard buffer.count <= BerichtDecoder.maximumSize else {
            throw BerichtError(.tooLarge, "the message is larger than the \(BerichtDecoder.maximumSize) bytes allowed")
        }
        return try LibXML.read(buffer, into: KopReader(), notWellFormed: "not well-formed XML") {
            (reader) throws(BerichtError) in try reader.kop()
        }
    }
}

extension Bericht {
    /// The namespace, header and BSNs of the message: what ``Berichtkop`` reads from any message.
    public var kop: Berichtkop {
        Berichtkop(standaard: standaard, release: release, berichttype: berichttype, header: header, bsns: bsns)
    }
}

extension Berichtkop {
    /// The gemeente's 4-digit CBS code, whichever side of the exchange it is on.
    public var gemeente: String { header.gemeente }

    /// The aanbieder's 8-digit AGB code, whichever side of the exchange it is on.
    public var aanbieder: String { header.aanbieder }

    /// For a retour or 325, the heenbericht it answers; see ``Header/heenIdentiteit(berichttype:standaard:)``.
    public var heenIdentiteit: (berichtCode: Int, afzender: String, identificatie: String)? {
        header.heenIdentiteit(berichttype: berichttype, standaard: standaard)
    }
}

/// The SAX state of ``Berichtkop/read(_:)``: the root's namespace, the text of the header's
/// elements by name, and every BSN. Rare path (only for messages the decoder refused), so it
/// favours plainness over speed.
private struct KopReader: SAXReader {
    var namespace: BerichtNamespace?
    var path: [String] = []
    var text: [UInt8] = []
    var fields: [String: String] = [:]
    var bsns: [String] = []

    static let doctypeRefused = BerichtError(
        .forbiddenDeclaration, "DOCTYPE declarations are refused (no DTDs or entities in iStandaarden messages)")
    /// Broken XML ends the parse by itself; the header read so far is not used then.
    static let parseError: BerichtError? = nil

    mutating func start(_ element: SAXElement) throws(BerichtError) {
        let name = String(cString: element.localName)
        if path.isEmpty {
            guard name == "Bericht" else {
                throw BerichtError(.notAnIStandaardenMessage, "the root element is \(name), not Bericht")
            }
            namespace = try BerichtNamespace(uri: element.uri.map { String(cString: $0) } ?? "")
        }
        path.append(name)
        text.removeAll(keepingCapacity: true)
    }

    mutating func end(line _: Int) {
        let value = String(decoding: text, as: UTF8.self).trimmingWhitespace
        if path.count >= 3, path[1] == "Header" {
            let key = path[2...].joined(separator: "/")
            if fields[key] == nil { fields[key] = value }
        } else if path.last == "Bsn", value.utf8.count == 9, value.utf8.allSatisfy({ (48...57).contains($0) }),
            !bsns.contains(value)
        {
            bsns.append(value)
        }
        path.removeLast()
        text.removeAll(keepingCapacity: true)
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>, line _: Int) {
        text.append(contentsOf: bytes)
    }

    /// The header as read; any field the standard requires that is missing or malformed makes the
    /// message unreadable, so it is rejected after all.
    func kop() throws(BerichtError) -> Berichtkop {
        guard let namespace else { throw BerichtError(.notWellFormed, "not well-formed XML: no root element") }
        func field(_ key: String) throws(BerichtError) -> String {
            guard let value = fields[key], !value.isEmpty else {
                throw BerichtError(.missingElement, path: "Header/\(key)", "is missing, so the header cannot be read")
            }
            return value
        }
        func number(_ key: String) throws(BerichtError) -> Int {
            guard let value = Int(try field(key)) else {
                throw BerichtError(.invalidNumber, path: "Header/\(key)", "is not a number")
            }
            return value
        }
        func datum(_ key: String) throws(BerichtError) -> Datum? {
            guard let text = fields[key] else { return nil }
            guard let value = Datum(text) else {
                throw BerichtError(.invalidDate, path: "Header/\(key)", "is not a valid date (YYYY-MM-DD)")
            }
            return value
        }
        let code = try number("BerichtCode")
        guard code == namespace.berichttype.berichtCode(for: namespace.standaard) else {
            throw BerichtError(
                .berichtCodeMismatch, path: "Header/BerichtCode",
                "\(code) is not the BerichtCode of \(namespace.berichtNaam)")
        }
        guard let dagtekening = try datum("BerichtIdentificatie/Dagtekening") else {
            throw BerichtError(
                .missingElement, path: "Header/BerichtIdentificatie/Dagtekening", "is missing, so the header cannot be read")
        }
        let header = Header(
            berichtCode: code, berichtVersie: try number("BerichtVersie"),
            berichtSubversie: try number("BerichtSubversie"), afzender: try field("Afzender"),
            ontvanger: try field("Ontvanger"), identificatie: try field("BerichtIdentificatie/Identificatie"),
            dagtekening: dagtekening, identificatieRetour: fields["IdentificatieRetour"],
            dagtekeningRetour: try datum("DagtekeningRetour"),
            declaratieIdentificatie: fields["DeclaratieIdentificatie/Identificatie"],
            declaratieDagtekening: try datum("DeclaratieIdentificatie/Dagtekening"),
            retourCodes: fields["RetourCodes/RetourCode"].map { [$0] } ?? [])
        return Berichtkop(
            standaard: namespace.standaard, release: namespace.release, berichttype: namespace.berichttype,
            header: header, bsns: bsns)
    }
}

extension String {
    /// Without leading and trailing XML whitespace.
    var trimmingWhitespace: String {
        let bytes = Array(utf8)
        guard let first = bytes.firstIndex(where: { !ASCII.isWhitespace($0) }),
              let last = bytes.lastIndex(where: { !ASCII.isWhitespace($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
