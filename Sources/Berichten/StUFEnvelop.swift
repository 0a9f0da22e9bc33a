#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A StUF-GGk 2.1 envelope (koppelvlak ggk0210) as the GGK delivers an iWmo/iJw message to a
/// gemeente: `envelopHeenbericht-ggk_Di01` or `envelopRetourbericht-ggk_Du01`, the message
/// base64-encoded in `parameters/bericht/xmlBestand` (report §9.1).
///
/// Read with the hardened libxml2 setup of ``BerichtDecoder``: no DOCTYPE, no entities, no network.
public struct StUFEnvelop: Sendable, Hashable {
    /// `Di01` or `Du01`.
    public var berichtcode: String
    /// `stuurgegevens/zender/organisatie` and `ontvanger/organisatie`: CBS or AGB code, or `GGk`'s own.
    public var zender: String
    public var ontvanger: String
    /// The envelope's own UUID.
    public var referentienummer: String
    /// For a Du01: the referentienummer of the Di01 it answers.
    public var crossRefnummer: String?
    /// `tijdstipBericht` (`yyyyMMddHHmmss`) as an ISO 8601 local time, `2016-04-21T13:25:14`.
    public var tijdstipBericht: String?
    /// The iWmo/iJw message inside, its exact bytes.
    public var bericht: [UInt8]

    /// Base64 makes a message of the 25 MB OP179 allows a third larger; the envelope adds a little.
    public static let maximumSize = BerichtDecoder.maximumSize / 3 * 4 + 64 * 1024

    static let namespace = "http://www.stufstandaarden.nl/koppelvlak/ggk0210"
    static let roots = ["envelopHeenbericht-ggk_Di01", "envelopRetourbericht-ggk_Du01"]

    /// Whether `bytes` look like a GGK envelope: `-ggk_D`, part of both root elements' names, is in
    /// the first KiB. A cheap test that every plain message passes through: `memchr` finds each
    /// `-` at vector speed, and only there are the next bytes compared; ``read(_:)`` decides.
    public static func looksLikeEnvelop(_ bytes: [UInt8]) -> Bool {
        let needle = "-ggk_D".utf8
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            let end: UnsafePointer<UInt8> = base + min(buffer.count, 1024)
            var cursor: UnsafePointer<UInt8> = base
            while let hit = memchr(cursor, Int32(UInt8(ascii: "-")), end - cursor) {
                let start = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self))
                guard end - start >= needle.count else { return false }
                if UnsafeBufferPointer(start: start, count: needle.count).elementsEqual(needle) { return true }
                cursor = start + 1
            }
            return false
        }
    }

    /// - throws: ``BerichtError`` for an envelope that is not well-formed, has a DOCTYPE, is not a
    ///   Di01 or Du01 of ggk0210, lacks its referentienummer, or carries no XML message.
    public static func read(_ bytes: [UInt8]) throws(BerichtError) -> StUFEnvelop {
        try bytes.withUnsafeBytes { buffer in Result { () throws(BerichtError) in try read(buffer) } }.get()
    }

    private static func read(_ buffer: UnsafeRawBufferPointer) throws(BerichtError) -> StUFEnvelop {
        guard !buffer.isEmpty else { throw BerichtError(.empty, "the envelope is empty") }
        guard buffer.count <= maximumSize else {
            throw BerichtError(.tooLarge, "the envelope is larger than a 25 MB message can make it (OP179)")
        }
        return try LibXML.read(
            buffer, into: EnvelopReader(), notWellFormed: "the envelope is not well-formed XML"
        ) { (reader) throws(BerichtError) in try reader.envelop() }
    }
}

/// The SAX state of ``StUFEnvelop/read(_:)``: the text of the elements on the paths it needs.
private struct EnvelopReader: SAXReader {
    var root: String?
    var path: [String] = []
    var text: [UInt8] = []
    var fields: [String: [UInt8]] = [:]

    /// The paths below the root whose text the envelope needs.
    static let wanted: Set<String> = [
        "stuurgegevens/berichtcode", "stuurgegevens/zender/organisatie", "stuurgegevens/ontvanger/organisatie",
        "stuurgegevens/referentienummer", "stuurgegevens/crossRefnummer", "stuurgegevens/tijdstipBericht",
        "parameters/bericht/xmlBestand", "parameters/bericht/tekstBestand",
    ]

    static let doctypeRefused = BerichtError(
        .forbiddenDeclaration, "DOCTYPE declarations are refused (no DTDs or entities in an envelope)")
    static let parseError: BerichtError? = BerichtError(.notWellFormed, "the envelope is not well-formed XML")

    mutating func start(_ element: SAXElement) throws(BerichtError) {
        let name = String(cString: element.localName)
        if root == nil {
            guard StUFEnvelop.roots.contains(name), element.uri.map({ String(cString: $0) }) == StUFEnvelop.namespace else {
                throw BerichtError(
                    .notAnIStandaardenMessage, "the root element is \(name), not a ggk0210 Di01 or Du01 envelope")
            }
            root = name
            return
        }
        path.append(name)
        text.removeAll(keepingCapacity: true)
    }

    mutating func end(line _: Int) {
        guard !path.isEmpty else { return }
        let key = path.joined(separator: "/")
        if Self.wanted.contains(key), fields[key] == nil { fields[key] = text }
        path.removeLast()
        text.removeAll(keepingCapacity: true)
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>, line _: Int) {
        guard Self.wanted.contains(path.joined(separator: "/")) else { return }
        text.append(contentsOf: bytes)
    }

    func envelop() throws(BerichtError) -> StUFEnvelop {
        guard root != nil else { throw BerichtError(.notWellFormed, "the envelope has no root element") }
        func field(_ key: String) -> String? {
            fields[key].map { String(decoding: $0, as: UTF8.self).trimmingWhitespace }.flatMap { $0.isEmpty ? nil : $0 }
        }
        func required(_ key: String) throws(BerichtError) -> String {
            guard let value = field(key) else {
                throw BerichtError(.missingElement, path: key, "is missing from the envelope")
            }
            return value
        }
        let berichtcode = try required("stuurgegevens/berichtcode")
        guard berichtcode == "Di01" || berichtcode == "Du01" else {
            throw BerichtError(.invalidCode, path: "stuurgegevens/berichtcode", "is not Di01 or Du01")
        }
        guard let encoded = fields["parameters/bericht/xmlBestand"] else {
            let tekst = fields["parameters/bericht/tekstBestand"] != nil
            throw BerichtError(
                .missingElement, path: "parameters/bericht/xmlBestand",
                tekst ? "is missing: the envelope holds a tekstBestand, not an XML message" : "is missing: the envelope holds no message")
        }
        guard let bericht = Base64.decode(encoded), !bericht.isEmpty else {
            throw BerichtError(.invalidValue, path: "parameters/bericht/xmlBestand", "is not base64 of a message")
        }
        return StUFEnvelop(
            berichtcode: berichtcode, zender: try required("stuurgegevens/zender/organisatie"),
            ontvanger: try required("stuurgegevens/ontvanger/organisatie"),
            referentienummer: try required("stuurgegevens/referentienummer"),
            crossRefnummer: field("stuurgegevens/crossRefnummer"),
            tijdstipBericht: field("stuurgegevens/tijdstipBericht").flatMap(Self.isoTijdstip), bericht: bericht)
    }

    /// `yyyyMMddHHmmss[…]` → `yyyy-MM-ddTHH:mm:ss`; nil when it is not that.
    static func isoTijdstip(_ value: String) -> String? {
        let digits = Array(value.utf8.prefix(14))
        guard digits.count == 14, digits.allSatisfy({ (48...57).contains($0) }) else { return nil }
        func part(_ range: Range<Int>) -> String { String(decoding: digits[range], as: UTF8.self) }
        return "\(part(0..<4))-\(part(4..<6))-\(part(6..<8))T\(part(8..<10)):\(part(10..<12)):\(part(12..<14))"
    }
}

/// RFC 4648 base64, whitespace between the characters allowed (xs:base64Binary).
enum Base64 {
    static func decode(_ text: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.count / 4 * 3)
        var accumulator: UInt32 = 0
        var bits = 0
        var padding = 0
        for byte in text {
            let value: UInt32
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            case UInt8(ascii: "="):
                padding += 1
                continue
            case 0x20, 0x09, 0x0A, 0x0D: continue
            default: return nil
            }
            guard padding == 0 else { return nil }
            accumulator = accumulator << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return padding <= 2 ? out : nil
    }
}
