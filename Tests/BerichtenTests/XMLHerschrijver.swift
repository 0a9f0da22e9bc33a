import TestSupport

/// Rewrites a message at random into XML that says the same thing: line ends as CR LF or CR,
/// more white space between elements and around values, characters of values as decimal or
/// hexadecimal character references, attributes in single quotes, white space around `=` and
/// before the end of a tag. Every rewrite must decode to the same ``Bericht`` as the original.
struct XMLHerschrijver {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func herschrijf(_ bytes: [UInt8]) -> [UInt8] {
        var uit: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let einde: Int
            if bytes[index] == UInt8(ascii: "<") {
                einde = (bytes[index...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1) + 1
                uit += tag(bytes[index..<einde])
            } else {
                einde = bytes[index...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
                uit += tekst(bytes[index..<einde])
            }
            index = einde
        }
        return uit
    }

    private mutating func kans(_ uit: Int) -> Bool { Int.random(in: 0..<uit, using: &random) == 0 }

    private mutating func witruimte() -> [UInt8] {
        let soorten: [[UInt8]] = [[0x20], [0x09], [0x0A], [0x0D, 0x0A], [0x0D]]
        return (0..<Int.random(in: 1...3, using: &random)).flatMap { _ in soorten.randomElement(using: &random)! }
    }

    /// A tag: quotes, white space around `=` and before its end.
    private mutating func tag(_ tag: ArraySlice<UInt8>) -> [UInt8] {
        var uit: [UInt8] = []
        // In an attribute value: the quote that opened it, and the one written instead.
        var waarde: (origineel: UInt8, nieuw: UInt8)?
        for (offset, byte) in tag.enumerated() {
            if let quote = waarde {
                uit.append(byte == quote.origineel ? quote.nieuw : byte)
                if byte == quote.origineel { waarde = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                // A value holds no quote of either kind in these messages, so either quote serves.
                let nieuw = kans(2) ? UInt8(ascii: "'") : UInt8(ascii: "\"")
                uit.append(nieuw)
                waarde = (byte, nieuw)
            } else if byte == UInt8(ascii: "="), kans(3) {
                uit += [0x20, byte, 0x09]
            } else {
                let eindVanTag = offset == tag.count - 1 && byte == UInt8(ascii: ">")
                if eindVanTag, tag.dropFirst().first != UInt8(ascii: "?"), uit.last != UInt8(ascii: "/"), kans(3) {
                    uit += witruimte()
                }
                uit.append(byte)
            }
        }
        return uit
    }

    /// Text: line ends and white space between elements; around and inside a value, white space at
    /// its edges and characters as references.
    private mutating func tekst(_ tekst: ArraySlice<UInt8>) -> [UInt8] {
        guard tekst.contains(where: { !Self.isWitruimte($0) }) else {
            var uit: [UInt8] = []
            for byte in tekst {
                if byte == 0x0A, kans(2) { uit += kans(2) ? [0x0D, 0x0A] : [0x0D] } else { uit.append(byte) }
            }
            return kans(3) ? uit + witruimte() : uit
        }
        var uit: [UInt8] = kans(3) ? witruimte() : []
        var scalars = String(decoding: tekst, as: UTF8.self).unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            if scalar == "&" {
                // An entity or reference of the original stays as it is.
                uit += Array("&".utf8)
                while let next = scalars.popFirst() {
                    uit += Array(String(next).utf8)
                    if next == ";" { break }
                }
            } else if kans(4) {
                let nullen = String(repeating: "0", count: Int.random(in: 0...1, using: &random))
                let verwijzing = kans(2) ? "&#\(nullen)\(scalar.value);" : "&#x\(nullen)\(String(scalar.value, radix: 16, uppercase: kans(2)));"
                uit += Array(verwijzing.utf8)
            } else {
                uit += Array(String(scalar).utf8)
            }
        }
        return kans(3) ? uit + witruimte() : uit
    }

    private static func isWitruimte(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
