/// Read access to the elements ``ElementTreeBuilder`` recorded, for building the typed model.
///
/// Structure (order, cardinality, namespaces) has been checked already; this layer checks values
/// (dates, numbers, codes, lengths) and turns the ones the model keeps into Swift values. Errors
/// name the element path and never echo a value that could be personal.
struct ElementTree {
    typealias Node = ElementTreeBuilder.Node

    let nodes: UnsafeBufferPointer<Node>
    let values: UnsafeBufferPointer<UInt8>
    let schema: MessageSchema
    let standaard: Standaard

    static let root: Int32 = 0

    func tag(_ node: Int32) -> Tag { schema.elements[Int(nodes[Int(node)].element)].tag }

    /// The first child of `node` named `tag`.
    func child(_ tag: Tag, of node: Int32) -> Int32? {
        var current = node + 1
        let end = nodes[Int(node)].end
        while current < end {
            if self.tag(current) == tag { return current }
            current = nodes[Int(current)].end
        }
        return nil
    }

    func required(_ tag: Tag, of node: Int32) throws(BerichtError) -> Int32 {
        guard let child = child(tag, of: node) else {
            throw error(.missingElement, node, "missing required element \(tag.rawValue)")
        }
        return child
    }

    /// `read` applied to the child named `tag`, or nil when there is none.
    func optional<T>(_ tag: Tag, of node: Int32, _ read: (Int32) throws(BerichtError) -> T) throws(BerichtError) -> T? {
        guard let child = child(tag, of: node) else { return nil }
        return try read(child)
    }

    /// `read` applied to every child named `tag`, in document order.
    func all<T>(_ tag: Tag, of node: Int32, _ read: (Int32) throws(BerichtError) -> T) throws(BerichtError) -> [T] {
        var result: [T] = []
        var current = node + 1
        let end = nodes[Int(node)].end
        while current < end {
            if self.tag(current) == tag { result.append(try read(current)) }
            current = nodes[Int(current)].end
        }
        return result
    }

    /// `read` applied to every `item` in the list element `list` below `node` (e.g. ToegewezenProducten).
    func list<T>(_ list: Tag, _ item: Tag, of node: Int32, _ read: (Int32) throws(BerichtError) -> T) throws(BerichtError) -> [T] {
        guard let container = child(list, of: node) else { return [] }
        return try all(item, of: container, read)
    }

    /// The codes of the RetourCodes child of `node`; empty when there is none.
    func retourCodes(of node: Int32) throws(BerichtError) -> [String] {
        try list(.retourCodes, .retourCode, of: node) { (code) throws(BerichtError) in
            let bytes = self.bytes(code)
            guard (1...4).contains(bytes.count), bytes.allSatisfy(Self.isAlphanumeric) else {
                throw error(.invalidCode, code, "\(quoted(code))is not a valid RetourCode (WJ001)")
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    // MARK: Values

    func bytes(_ node: Int32) -> UnsafeBufferPointer<UInt8> {
        let entry = nodes[Int(node)]
        return UnsafeBufferPointer(rebasing: values[Int(entry.valueStart)..<Int(entry.valueEnd)])
    }

    /// Free text of 1…`maxLength` characters.
    func text(_ node: Int32, maxLength: Int = .max) throws(BerichtError) -> String {
        let bytes = self.bytes(node)
        guard !bytes.isEmpty else { throw error(.invalidValue, node, "is empty") }
        let text = String(decoding: bytes, as: UTF8.self)
        if bytes.count > maxLength, text.unicodeScalars.count > maxLength {
            throw error(.invalidValue, node, "is longer than \(maxLength) characters")
        }
        return text
    }

    /// Exactly `count` digits; used for BSN, AGB and gemeente codes, so the value is never echoed.
    func digits(_ node: Int32, count: Int, _ what: String) throws(BerichtError) -> String {
        let bytes = self.bytes(node)
        guard bytes.count == count, ASCII.isDigits(bytes) else {
            throw error(.invalidValue, node, "is not a \(count)-digit \(what)")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An `xs:integer` within `range` (an optional `+`, then digits).
    func integer(_ node: Int32, _ range: ClosedRange<Int>) throws(BerichtError) -> Int {
        let bytes = self.bytes(node)
        let start = bytes.first == UInt8(ascii: "+") ? 1 : 0
        guard let value = ASCII.integer(bytes, start..<bytes.count), range.contains(value) else {
            throw error(.invalidNumber, node, "is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// LDT_Nummer: ToewijzingNummer, BeschikkingNummer.
    func nummer(_ node: Int32) throws(BerichtError) -> Int { try integer(node, 0...999_999_999) }

    /// LDT_Bedrag, LDT_Budget and LDT_Volume share this range.
    func bedrag(_ node: Int32) throws(BerichtError) -> Int { try integer(node, 0...99_999_999) }

    func datum(_ node: Int32) throws(BerichtError) -> Datum {
        guard let datum = Datum(utf8: bytes(node)) else {
            throw error(.invalidDate, node, "\(quoted(node, limit: 10))is not a valid date (YYYY-MM-DD)")
        }
        return datum
    }

    func tijd(_ node: Int32) throws(BerichtError) -> Tijd {
        guard let tijd = Tijd(utf8: bytes(node)) else {
            throw error(.invalidTime, node, "\(quoted(node, limit: 12))is not a valid time (HH:MM:SS)")
        }
        return tijd
    }

    func code<C: Codelijst>(_ node: Int32, as type: C.Type) throws(BerichtError) -> C {
        let bytes = self.bytes(node)
        guard bytes.count <= 2, let code = C(rawValue: String(decoding: bytes, as: UTF8.self)) else {
            throw error(
                .invalidCode, node, "\(quoted(node))is not a valid \(C.naam) (\(C.identificatie(for: standaard)))")
        }
        return code
    }

    func redenBeeindiging(_ node: Int32) throws(BerichtError) -> RedenBeeindiging {
        let bytes = self.bytes(node)
        guard bytes.count == 2,
            let reden = RedenBeeindiging(rawValue: String(decoding: bytes, as: UTF8.self), standaard: standaard)
        else {
            throw error(
                .invalidCode, node,
                "\(quoted(node))is not a valid RedenBeeindiging (\(RedenBeeindiging.identificatie(for: standaard)))")
        }
        return reden
    }

    /// LDT_JaNee (COD260): 1 is ja, 2 is nee.
    func jaNee(_ node: Int32) throws(BerichtError) -> Bool {
        let bytes = self.bytes(node)
        guard bytes.count == 1, bytes[0] == UInt8(ascii: "1") || bytes[0] == UInt8(ascii: "2") else {
            throw error(.invalidCode, node, "\(quoted(node))is not a valid JaNee (COD260)")
        }
        return bytes[0] == UInt8(ascii: "1")
    }

    /// WMO020 (01–18) for iWmo, JZ020 (31–38, 40–55) for iJw.
    func productCategorie(_ node: Int32) throws(BerichtError) -> String {
        let bytes = self.bytes(node)
        let valid: Bool
        if bytes.count == 2, let value = ASCII.integer(bytes, 0..<2) {
            valid = standaard == .iWmo ? (1...18).contains(value) : (31...38).contains(value) || (40...55).contains(value)
        } else {
            valid = false
        }
        guard valid else {
            let lijst = standaard == .iWmo ? "WMO020" : "JZ020"
            throw error(.invalidCode, node, "\(quoted(node))is not a valid ProductCategorie (\(lijst))")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Errors

    func error(_ kind: BerichtError.Kind, _ node: Int32, _ problem: String) -> BerichtError {
        BerichtError(
            kind, path: Self.path(of: node, nodes: nodes, schema: schema), problem, line: Int(nodes[Int(node)].line))
    }

    /// `'05' ` for short printable code-like values, nothing otherwise: a bad code is safe to
    /// show, a long value might be someone's name.
    func quoted(_ node: Int32, limit: Int = 4) -> String {
        let bytes = self.bytes(node)
        guard !bytes.isEmpty, bytes.count <= limit,
            bytes.allSatisfy({ Self.isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") })
        else { return "" }
        return "'\(String(decoding: bytes, as: UTF8.self))' "
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte &- UInt8(ascii: "0")) < 10 || ((byte | 0x20) &- UInt8(ascii: "a")) < 26
    }

    /// `Client/ToegewezenProducten/ToegewezenProduct[2]/Omvang`: below `Bericht`, `[n]` on repeating elements.
    static func path(of node: Int32, nodes: UnsafeBufferPointer<Node>, schema: MessageSchema) -> String {
        var segments: [String] = []
        var current = node
        while current > 0 {
            let entry = nodes[Int(current)]
            let element = schema.elements[Int(entry.element)]
            segments.append(element.repeats ? "\(element.tag.rawValue)[\(entry.occurrence)]" : element.tag.rawValue)
            current = entry.parent
        }
        return segments.reversed().joined(separator: "/")
    }
}
