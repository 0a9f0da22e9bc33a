import Glibc

/// OP192: an iStandaarden message is UTF-8 without a byte order mark.
///
/// Checked on the raw bytes before libxml2 sees them, because libxml2 would otherwise honour a
/// BOM, a UTF-16 byte pattern or an `encoding="…"` declaration and transcode silently: the
/// ledger would then accept bytes that no gemeente or aanbieder may send.
enum Prolog {
    static func check(_ bytes: UnsafeRawBufferPointer) throws(BerichtError) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw BerichtError(
                .wrongEncoding, "the message starts with a byte order mark; iStandaarden messages have none (OP192)")
        }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.prefix(4).contains(0) {
            throw BerichtError(.wrongEncoding, "the message is UTF-16 or UTF-32; iStandaarden messages are UTF-8 (OP192)")
        }
        guard let encoding = declaredEncoding(bytes), !isUTF8(encoding) else { return }
        let shown = encoding.count <= 20 && encoding.allSatisfy { ASCII.isNameByte($0) }
            ? String(decoding: encoding, as: UTF8.self) : "another encoding"
        throw BerichtError(
            .wrongEncoding, "the message declares encoding \(shown); iStandaarden messages are UTF-8 (OP192)")
    }

    /// The value of `encoding` in an XML declaration at the very start, if there is one.
    ///
    /// A plain byte scan: this runs for every message on the ingest path, and the generic
    /// `firstRange(of:)` of the standard library cost more than decoding the whole message.
    private static func declaredEncoding(_ bytes: UnsafeRawBufferPointer) -> ArraySlice<UInt8>? {
        let head = Array(bytes.prefix(256))
        guard head.starts(with: Array("<?xml".utf8)), let end = position(of: "?>", in: head[...]),
            let key = position(of: "encoding", in: head[..<end]).map({ $0 + 8 })
        else { return nil }
        var index = key
        while index < end, ASCII.isWhitespace(head[index]) || head[index] == UInt8(ascii: "=") { index += 1 }
        guard index < end, head[index] == UInt8(ascii: "\"") || head[index] == UInt8(ascii: "'") else { return nil }
        let quote = head[index]
        guard let close = head[(index + 1)..<end].firstIndex(of: quote) else { return nil }
        return head[(index + 1)..<close]
    }

    /// Where `pattern` first starts in `text`: its first byte looked for, the rest compared by
    /// `memcmp` (comparing a slice at each position cost some 1,500 instructions a message).
    private static func position(of pattern: StaticString, in text: ArraySlice<UInt8>) -> Int? {
        let (needle, length) = (pattern.utf8Start, pattern.utf8CodeUnitCount)
        return text.withUnsafeBufferPointer { haystack in
            guard let base = haystack.baseAddress, haystack.count >= length else { return nil }
            for start in 0...(haystack.count - length)
            where haystack[start] == needle[0] && memcmp(base + start, needle, length) == 0 {
                return text.startIndex + start
            }
            return nil
        }
    }

    private static func isUTF8(_ name: ArraySlice<UInt8>) -> Bool {
        name.map { $0 | 0x20 }.elementsEqual(Array("utf-8".utf8))
    }
}
