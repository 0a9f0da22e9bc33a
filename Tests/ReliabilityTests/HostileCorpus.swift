import Foundation
import TestSupport

/// Broken and hostile message files, made on the fly from the fixture JW301 (no binary blobs in
/// the repository). Each case names a fragment its one-line rejection must contain.
struct HostileCorpus {
    struct Case {
        var file: String
        var bytes: [UInt8]
        var reason: String
    }

    let cases: [Case]

    /// `secret` is a local file and `port` a 127.0.0.1 listener the external entities point at.
    init(secret: String, port: UInt16) throws {
        let jw301 = try Fixture.bytes("JW301")
        let text = String(decoding: jw301, as: UTF8.self)
        let namespace = "http://www.istandaarden.nl/ijw/3_2/jw301/schema"
        var random = SplitMix64(seed: 0xBAD_F11E)
        var garbage = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }
        garbage.replaceSubrange(0..<4, with: [0x8F, 0x13, 0xC4, 0x7E])  // not a BOM, no NUL: not mistaken for UTF-16
        let laughs = (1...9).map { level in
            "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
        }.joined(separator: "\n")
        let depth = 100_000
        cases = [
            Case(file: "truncated.xml", bytes: Array(jw301.prefix(jw301.count / 2)), reason: "not well-formed XML"),
            Case(file: "garbage.xml", bytes: garbage, reason: "not well-formed XML"),
            Case(file: "utf16.xml",
                 bytes: [0xFF, 0xFE] + Array(text.replacingOccurrences(of: "UTF-8", with: "UTF-16").utf16)
                     .flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
                 reason: "the message is UTF-16 or UTF-32"),
            Case(file: "latin1.xml", bytes: Array(text.replacingOccurrences(of: "UTF-8", with: "ISO-8859-1").utf8),
                 reason: "declares encoding ISO-8859-1"),
            Case(file: "bom.xml", bytes: [0xEF, 0xBB, 0xBF] + jw301, reason: "byte order mark"),
            Case(file: "empty.xml", bytes: [], reason: "the message is empty"),
            Case(file: "huge.xml",
                 bytes: Array(jw301.prefix(200)) + [UInt8](repeating: UInt8(ascii: " "), count: 30_000_000),
                 reason: "larger than the 25 MB a message may have (OP179)"),
            Case(file: "nested.xml",
                 bytes: Array(("<Bericht xmlns=\"\(namespace)\">" + String(repeating: "<Header>", count: depth)
                     + String(repeating: "</Header>", count: depth) + "</Bericht>").utf8),
                 reason: "unexpected element Header"),
            Case(file: "laughs.xml",
                 bytes: Array("<?xml version=\"1.0\"?>\n<!DOCTYPE Bericht [\n<!ENTITY l0 \"ha\">\n\(laughs)\n]>\n<Bericht xmlns=\"\(namespace)\">&l9;</Bericht>\n".utf8),
                 reason: "DOCTYPE declarations are refused"),
            Case(file: "xxe-file.xml",
                 bytes: Array("<?xml version=\"1.0\"?>\n<!DOCTYPE Bericht [<!ENTITY x SYSTEM \"file://\(secret)\">]>\n<Bericht xmlns=\"\(namespace)\">&x;</Bericht>\n".utf8),
                 reason: "DOCTYPE declarations are refused"),
            Case(file: "xxe-url.xml",
                 bytes: Array("<?xml version=\"1.0\"?>\n<!DOCTYPE Bericht SYSTEM \"http://127.0.0.1:\(port)/bericht.dtd\" [<!ENTITY x SYSTEM \"http://127.0.0.1:\(port)/x\">]>\n<Bericht xmlns=\"\(namespace)\">&x;</Bericht>\n".utf8),
                 reason: "DOCTYPE declarations are refused"),
            Case(file: "xhtml.xml",
                 bytes: Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Bericht</p></body></html>\n".utf8),
                 reason: "root element is not Bericht"),
            Case(file: "release-3_3.xml", bytes: Array(text.replacingOccurrences(of: "/3_2/", with: "/3_3/").utf8),
                 reason: "unknown release 3.3"),
            Case(file: "release-2_3.xml", bytes: Array(text.replacingOccurrences(of: "/3_2/", with: "/2_3/").utf8),
                 reason: "unknown release 2.3"),
        ]
    }
}
