internal import Berichten

/// Writes one iWmo/iJw document into a reusable byte buffer.
///
/// Element names are `StaticString`s and values are written digit by digit, so rendering a message
/// allocates little beyond the final copy. Elements declared in the message schema go in the message
/// namespace; children of composite data types go in the basisschema namespace (report §4.1).
struct XMLWriter {
    enum Namespace { case bericht, basis }

    private var bytes: [UInt8] = []
    private var messagePrefix: [UInt8] = []
    private var basisPrefix: [UInt8] = []
    private var lineEnd: [UInt8] = []
    private var indentation: [UInt8] = []
    private var depth = 0

    init() { bytes.reserveCapacity(16 * 1024) }

    /// Starts a new document, forgetting the previous one but keeping the buffer's capacity.
    mutating func begin(_ soort: Berichttype, _ standaard: Standaard, style: WriterStyle) {
        bytes.removeAll(keepingCapacity: true)
        depth = 0
        lineEnd = style.lineEnd
        indentation = style.indentation
        let voorbeeld = soort.voorbeeldPrefix(standaard)
        let basis = standaard == .iWmo ? "iwmo" : "ijw"
        let prefixes: (bericht: String?, basis: String?) =
            switch style.prefixes {
            case .asExamples: (voorbeeld, basis)
            case .short: ("m", "b")
            case .messageAsDefault: (nil, basis)
            case .basisAsDefault: (voorbeeld, nil)
            }
        messagePrefix = prefixes.bericht.map { Array($0.utf8) + [58] } ?? []
        basisPrefix = prefixes.basis.map { Array($0.utf8) + [58] } ?? []

        raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        bytes.append(contentsOf: lineEnd.isEmpty ? [10] : lineEnd)
        bytes.append(60)
        bytes.append(contentsOf: messagePrefix)
        raw("Bericht")
        declare(prefixes.bericht, soort.namespace(standaard))
        declare(prefixes.basis, "http://www.istandaarden.nl/\(basis)/3_2/basisschema/schema")
        bytes.append(62)
        bytes.append(contentsOf: lineEnd)
        depth = 1
    }

    /// Closes the root element and returns the finished document in an array of its own, exactly
    /// as large as the document, so the working buffer stays unshared and keeps its capacity.
    mutating func finish() -> [UInt8] {
        depth = 0
        tag("Bericht", .bericht, closing: true)
        bytes.append(contentsOf: lineEnd)
        return bytes.withUnsafeBufferPointer { bron in
            [UInt8](unsafeUninitializedCapacity: bron.count) { doel, aantal in
                aantal = doel.initialize(fromContentsOf: bron)
            }
        }
    }

    mutating func open(_ naam: StaticString, _ namespace: Namespace = .bericht) {
        indent()
        tag(naam, namespace, closing: false)
        bytes.append(contentsOf: lineEnd)
        depth += 1
    }

    mutating func close(_ naam: StaticString, _ namespace: Namespace = .bericht) {
        depth -= 1
        indent()
        tag(naam, namespace, closing: true)
        bytes.append(contentsOf: lineEnd)
    }

    mutating func element(_ naam: StaticString, _ waarde: String, _ namespace: Namespace = .bericht) {
        leaf(naam, namespace) { $0.escaped(waarde) }
    }

    mutating func element(_ naam: StaticString, _ waarde: Int, _ namespace: Namespace = .bericht) {
        leaf(naam, namespace) { $0.decimal(waarde) }
    }

    mutating func element(_ naam: StaticString, _ waarde: Datum, _ namespace: Namespace = .bericht) {
        leaf(naam, namespace) { $0.separated([(waarde.year, 4), (waarde.month, 2), (waarde.day, 2)], by: 45) }
    }

    /// An `xs:time` without zone.
    mutating func element(_ naam: StaticString, _ waarde: Tijd, _ namespace: Namespace = .bericht) {
        leaf(naam, namespace) { $0.separated([(waarde.hour, 2), (waarde.minute, 2), (waarde.second, 2)], by: 58) }
    }

    /// One element on its own line with the text `content` writes.
    private mutating func leaf(_ naam: StaticString, _ namespace: Namespace, _ content: (inout XMLWriter) -> Void) {
        indent()
        tag(naam, namespace, closing: false)
        content(&self)
        tag(naam, namespace, closing: true)
        bytes.append(contentsOf: lineEnd)
    }

    /// Zero-padded numbers joined by one separator byte: `-` in dates, `:` in times.
    private mutating func separated(_ parts: [(value: Int, width: Int)], by separator: UInt8) {
        for (index, part) in parts.enumerated() {
            if index > 0 { bytes.append(separator) }
            digits(part.value, part.width)
        }
    }

    private mutating func declare(_ prefix: String?, _ uri: String) {
        raw(" xmlns")
        if let prefix {
            bytes.append(58)
            raw(prefix)
        }
        raw("=\"")
        raw(uri)
        bytes.append(34)
    }

    private mutating func tag(_ naam: StaticString, _ namespace: Namespace, closing: Bool) {
        bytes.append(60)
        if closing { bytes.append(47) }
        bytes.append(contentsOf: namespace == .bericht ? messagePrefix : basisPrefix)
        naam.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(62)
    }

    private mutating func indent() {
        guard !indentation.isEmpty else { return }
        for _ in 0..<depth { bytes.append(contentsOf: indentation) }
    }

    private mutating func raw(_ tekst: String) { bytes.append(contentsOf: tekst.utf8) }

    private mutating func escaped(_ tekst: String) {
        for byte in tekst.utf8 {
            switch byte {
            case 38: raw("&amp;")
            case 60: raw("&lt;")
            case 62: raw("&gt;")
            default: bytes.append(byte)
            }
        }
    }

    private mutating func decimal(_ waarde: Int) {
        precondition(waarde >= 0, "amounts and volumes are unsigned; the sign travels in DebetCredit")
        var deler = 1
        while deler <= waarde / 10 { deler *= 10 }
        var rest = waarde
        while deler > 0 {
            bytes.append(UInt8(48 + rest / deler))
            rest %= deler
            deler /= 10
        }
    }

    private mutating func digits(_ waarde: Int, _ breedte: Int) {
        var deler = 1
        for _ in 1..<breedte { deler *= 10 }
        var rest = waarde
        while deler > 0 {
            bytes.append(UInt8(48 + rest / deler % 10))
            rest %= deler
            deler /= 10
        }
    }
}
