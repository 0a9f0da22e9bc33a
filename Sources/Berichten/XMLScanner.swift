import Glibc

/// The decoder's fast reading of a message: one pass over the bytes that feeds an
/// ``ElementTreeBuilder`` directly, for the XML that iStandaarden messages are written in.
///
/// It takes a document only when it can vouch that libxml2 would read it as well-formed XML 1.0
/// with namespaces and hand over the same elements, namespaces and text: an optional XML
/// declaration (version 1.0, UTF-8, standalone), elements with ASCII names and namespace
/// declarations, attributes without references, text with the five predefined entities and
/// character references, line ends normalised as XML 1.0 §2.11 says. Everything else declines,
/// and the decoder reads the document again with libxml2 (``LibXMLTreeReader``), which then
/// accepts it or says what is wrong: a DOCTYPE, a comment, a processing instruction, a CDATA
/// section, a name outside ASCII, a namespace declaration it does not vouch for, any
/// well-formedness error, and any problem the builder finds. So every refusal, with its wording
/// and line, is libxml2's and the builder's, as before; the fuzzer holds the scanner to giving the
/// same ``Bericht`` as libxml2 for every document it takes (`Fuzz/BerichtFuzzer`).
///
/// Why: libxml2's SAX2 parser (dictionary, namespace tables, callbacks through C) was about 60 %
/// of decoding; the messages need a small, fixed part of XML.
struct XMLScanner {
    /// The document is outside what the scanner vouches for, or is wrong: libxml2 decides.
    struct Declined: Error {}

    /// Bounds far beyond any message and below libxml2's own limits (10 MB for a text or an
    /// attribute value, 50,000 bytes for a name): what exceeds them is left to libxml2, so the
    /// scanner never takes what libxml2 would refuse for size, and its per-tag checks, which
    /// compare attributes pairwise, stay cheap on hostile input.
    private enum Limit {
        static let attributes = 32
        static let name = 1_000
        static let text = 1_000_000
    }

    /// A namespace declaration in scope: `prefix` is empty for the default namespace.
    private struct Binding {
        var prefix: Range<Int>
        var uri: Range<Int>
    }

    private struct OpenElement {
        var name: Range<Int>
        var bindings: Int
    }

    private struct Attribute {
        var prefix: Range<Int>
        var local: Range<Int>
    }

    private let bytes: UnsafePointer<UInt8>
    private let count: Int
    private var position = 0
    private var bindings: ContiguousArray<Binding> = []
    private var open: ContiguousArray<OpenElement> = []
    private var attributes: ContiguousArray<Attribute> = []

    private init(_ buffer: UnsafeRawBufferPointer) {
        bytes = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        count = buffer.count
        open.reserveCapacity(16)
        bindings.reserveCapacity(4)
    }

    /// Reads the whole of `buffer` into `builder`; throws when the scanner declines or the builder
    /// found a problem. `builder` is then of no use: libxml2 reads the document into a new one.
    static func read(_ buffer: UnsafeRawBufferPointer, into builder: inout ElementTreeBuilder) throws(Declined) {
        guard buffer.baseAddress != nil else { throw Declined() }
        var scanner = XMLScanner(buffer)
        try scanner.document(&builder)
        guard builder.failure == nil else { throw Declined() }
    }

    // MARK: Document

    private mutating func document(_ builder: inout ElementTreeBuilder) throws(Declined) {
        try declaration()
        skipWhitespace()
        try startTag(&builder)
        while !open.isEmpty {
            try text(&builder)
            // text() stops at a '<' with a byte after it.
            switch bytes[position + 1] {
            case UInt8(ascii: "/"): try endTag(&builder)
            case UInt8(ascii: "!"), UInt8(ascii: "?"): throw Declined()
            default: try startTag(&builder)
            }
            guard builder.failure == nil else { throw Declined() }
        }
        skipWhitespace()
        guard position == count else { throw Declined() }
    }

    /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`, the last two optional.
    private mutating func declaration() throws(Declined) {
        guard matches("<?xml"), position + 5 < count, ASCII.isWhitespace(bytes[position + 5]) else { return }
        position += 5
        skipWhitespace()
        try keyword("version")
        guard equals(try attributeValue(), "1.0") else { throw Declined() }
        var spaced = skipWhitespace()
        if spaced, matches("encoding") {
            try keyword("encoding")
            // Prolog has refused every encoding but UTF-8 already; what is left only needs checking.
            guard equals(try attributeValue(), "utf-8", ignoringCase: true) else { throw Declined() }
            spaced = skipWhitespace()
        }
        if spaced, matches("standalone") {
            try keyword("standalone")
            let value = try attributeValue()
            guard equals(value, "yes") || equals(value, "no") else { throw Declined() }
            skipWhitespace()
        }
        guard matches("?>") else { throw Declined() }
        position += 2
    }

    /// `name`, then `=` with optional white space around it.
    private mutating func keyword(_ name: StaticString) throws(Declined) {
        guard matches(name) else { throw Declined() }
        position += name.utf8CodeUnitCount
        skipWhitespace()
        try expect(UInt8(ascii: "="))
        skipWhitespace()
    }

    // MARK: Tags

    private mutating func startTag(_ builder: inout ElementTreeBuilder) throws(Declined) {
        try expect(UInt8(ascii: "<"))
        let nameStart = position
        let (prefix, local) = try qualifiedName()
        let name = nameStart..<position
        let scope = bindings.count
        if !attributes.isEmpty { attributes.removeAll(keepingCapacity: true) }
        var empty = false
        while true {
            let spaced = skipWhitespace()
            guard position < count else { throw Declined() }
            if bytes[position] == UInt8(ascii: ">") {
                position += 1
                break
            }
            if bytes[position] == UInt8(ascii: "/") {
                position += 1
                try expect(UInt8(ascii: ">"))
                empty = true
                break
            }
            guard spaced, attributes.count + bindings.count - scope < Limit.attributes else { throw Declined() }
            try attribute(scope: scope)
        }
        let uri = try resolve(prefix, isElement: true)
        var foreign: UnsafeBufferPointer<UInt8>?
        for attribute in attributes {
            let attributeURI = attribute.prefix.isEmpty ? nil : try resolve(attribute.prefix, isElement: false)
            if foreign == nil, !ElementTreeBuilder.isTolerated(attributeURI: attributeURI) {
                foreign = buffer(attribute.local)
            }
        }
        try checkUniqueAttributes()
        builder.startElement(buffer(local), uri, foreignAttribute: foreign)
        if empty {
            builder.endElement()
            closeScope(at: scope)
        } else {
            open.append(OpenElement(name: name, bindings: scope))
        }
    }

    private mutating func endTag(_ builder: inout ElementTreeBuilder) throws(Declined) {
        position += 2
        let element = open.removeLast()
        let end = position + element.name.count
        guard end <= count, same(position..<end, element.name) else { throw Declined() }
        position = end
        skipWhitespace()
        try expect(UInt8(ascii: ">"))
        builder.endElement()
        closeScope(at: element.bindings)
    }

    /// Forgets the namespace declarations of the element that ends; most elements declare none,
    /// and emptying an empty range is not free.
    private mutating func closeScope(at scope: Int) {
        if bindings.count > scope { bindings.removeSubrange(scope...) }
    }

    /// One attribute of a start tag; namespace declarations go to ``bindings`` (those of this
    /// element start at `scope`), the others to ``attributes``.
    private mutating func attribute(scope: Int) throws(Declined) {
        let (prefix, local) = try qualifiedName()
        skipWhitespace()
        try expect(UInt8(ascii: "="))
        skipWhitespace()
        let value = try attributeValue()
        let declared: Range<Int>
        if prefix.isEmpty, equals(local, "xmlns") {
            declared = local.upperBound..<local.upperBound
        } else if equals(prefix, "xmlns") {
            // xmlns:xml and xmlns:xmlns have rules of their own.
            guard !equals(local, "xml"), !equals(local, "xmlns") else { throw Declined() }
            declared = local
        } else {
            // An `xml:` attribute is declined where its prefix is resolved (``resolve(_:isElement:)``).
            attributes.append(Attribute(prefix: prefix, local: local))
            return
        }
        // An empty URI (undeclaring the default namespace; not allowed for a prefix), and URIs that
        // libxml2 would normalise or treat apart.
        guard !value.isEmpty, value.allSatisfy({ bytes[$0] > 0x20 && bytes[$0] < 0x7F }),
            !equals(value, "http://www.w3.org/XML/1998/namespace"), !equals(value, "http://www.w3.org/2000/xmlns/")
        else { throw Declined() }
        for binding in bindings[scope...] where same(binding.prefix, declared) { throw Declined() }
        bindings.append(Binding(prefix: declared, uri: value))
    }

    /// No two attributes with the same name, nor two with the same local name in the same namespace.
    private func checkUniqueAttributes() throws(Declined) {
        guard attributes.count > 1 else { return }
        for first in attributes.indices {
            for second in attributes.indices where second > first {
                let (one, other) = (attributes[first], attributes[second])
                guard same(one.local, other.local) else { continue }
                if same(one.prefix, other.prefix) { throw Declined() }
                if !one.prefix.isEmpty, !other.prefix.isEmpty,
                    let uri = try resolve(one.prefix, isElement: false),
                    let otherURI = try resolve(other.prefix, isElement: false), uri.elementsEqual(otherURI)
                {
                    throw Declined()
                }
            }
        }
    }

    /// The namespace URI for `prefix`, from the innermost declaration; an element without a prefix
    /// is in the default namespace (none when there is no declaration), an attribute in none.
    /// Inlined, as are ``ncName()`` and ``same(_:_:)``: they run for every tag, and the calls were
    /// a measurable share of it.
    @inline(__always)
    private func resolve(_ prefix: Range<Int>, isElement: Bool) throws(Declined) -> UnsafeBufferPointer<UInt8>? {
        if prefix.isEmpty, !isElement { return nil }
        guard prefix.isEmpty || !equals(prefix, "xml") && !equals(prefix, "xmlns") else { throw Declined() }
        for binding in bindings.reversed() where same(binding.prefix, prefix) { return buffer(binding.uri) }
        guard prefix.isEmpty else { throw Declined() }
        return nil
    }

    /// `prefix:local` or `local`, ASCII only; the prefix range is empty when there is none.
    private mutating func qualifiedName() throws(Declined) -> (prefix: Range<Int>, local: Range<Int>) {
        let first = try ncName()
        guard position < count, bytes[position] == UInt8(ascii: ":") else { return (first.lowerBound..<first.lowerBound, first) }
        position += 1
        return (first, try ncName())
    }

    @inline(__always)
    private mutating func ncName() throws(Declined) -> Range<Int> {
        let start = position
        guard start < count, Self.isNameStart(bytes[start]) else { throw Declined() }
        // A local index, not `position`, so the loop keeps it in a register.
        var end = start + 1
        let classes = ASCII.classes
        while end < count, classes[Int(bytes[end])] & ASCII.nameClass != 0 { end += 1 }
        guard end - start <= Limit.name else { throw Declined() }
        position = end
        return start..<end
    }

    /// A quoted attribute value without references or `<`; its range, quotes excluded.
    private mutating func attributeValue() throws(Declined) -> Range<Int> {
        guard position < count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'")
        else { throw Declined() }
        let quote = bytes[position]
        position += 1
        let start = position
        while true {
            guard position < count else { throw Declined() }
            let byte = bytes[position]
            if byte == quote {
                guard position - start <= Limit.text else { throw Declined() }
                break
            }
            if byte &- 0x20 < 0x60 {
                guard byte != UInt8(ascii: "<"), byte != UInt8(ascii: "&") else { throw Declined() }
                position += 1
            } else if byte >= 0x80 {
                try character()
            } else {
                guard ASCII.isWhitespace(byte) else { throw Declined() }
                position += 1
            }
        }
        defer { position += 1 }
        return start..<position
    }

    // MARK: Text

    /// Character data up to the next `<`, handed to `builder` in runs: CR LF and a lone CR become
    /// LF, references their character.
    private mutating func text(_ builder: inout ElementTreeBuilder) throws(Declined) {
        // White space between elements, where the builder keeps no text, is not handed over.
        if !builder.takesText {
            let start = position
            skipWhitespace()
            if position + 1 < count, bytes[position] == UInt8(ascii: "<"), position - start <= Limit.text { return }
            position = start
        }
        let start = position
        var run = position
        let classes = ASCII.classes
        while true {
            // Most bytes need no more than a look-up; a local index keeps that loop in registers.
            var index = position
            while index < count, classes[Int(bytes[index])] & ASCII.plainText != 0 { index += 1 }
            position = index
            guard position < count else { throw Declined() }
            // The look-up stops only at markup, a reference, `>`, CR, a byte of 0x80 and up, or a
            // control character; every other byte is plain text.
            switch bytes[position] {
            case UInt8(ascii: "<"):
                guard position + 1 < count, position - start <= Limit.text else { throw Declined() }
                flush(run, &builder)
                return
            case UInt8(ascii: "&"):
                flush(run, &builder)
                try reference(&builder)
                run = position
            case UInt8(ascii: ">"):
                // `]]>` may not appear in content.
                guard position - start < 2 || bytes[position - 1] != UInt8(ascii: "]")
                    || bytes[position - 2] != UInt8(ascii: "]")
                else { throw Declined() }
                position += 1
            case 0x0D:
                flush(run, &builder)
                position += 1
                // CR LF keeps its LF; a lone CR becomes one.
                if position == count || bytes[position] != 0x0A { Self.withBytes(of: 0x0A) { builder.characters($0) } }
                run = position
            case 0x80...:
                try character()
            default:
                throw Declined()
            }
        }
    }

    private mutating func flush(_ run: Int, _ builder: inout ElementTreeBuilder) {
        guard position > run else { return }
        builder.characters(UnsafeBufferPointer(start: bytes + run, count: position - run))
    }

    /// `&lt;`, `&gt;`, `&amp;`, `&apos;`, `&quot;`, `&#…;` or `&#x…;`, handed to `builder` as its character.
    private mutating func reference(_ builder: inout ElementTreeBuilder) throws(Declined) {
        position += 1
        let scalar: UInt32
        if position < count, bytes[position] == UInt8(ascii: "#") {
            position += 1
            let hex = position < count && bytes[position] == UInt8(ascii: "x")
            if hex { position += 1 }
            let digits = position
            var value: UInt32 = 0
            while position < count, position - digits < 8, let digit = Self.digit(bytes[position], hex: hex) {
                value = value * (hex ? 16 : 10) + digit
                position += 1
            }
            guard position > digits, Self.isCharacter(value) else { throw Declined() }
            scalar = value
        } else {
            let name = try ncName()
            if equals(name, "lt") {
                scalar = 0x3C
            } else if equals(name, "gt") {
                scalar = 0x3E
            } else if equals(name, "amp") {
                scalar = 0x26
            } else if equals(name, "apos") {
                scalar = 0x27
            } else if equals(name, "quot") {
                scalar = 0x22
            } else {
                throw Declined()
            }
        }
        try expect(UInt8(ascii: ";"))
        Self.withBytes(of: scalar) { builder.characters($0) }
    }

    /// One UTF-8 encoded character from a lead byte of 0x80 or more: well formed (shortest form, no
    /// surrogates, at most U+10FFFF) and an XML `Char` (not U+FFFE or U+FFFF), as libxml2 demands.
    private mutating func character() throws(Declined) {
        let lead = bytes[position]
        let length = lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0
        guard length > 0, position + length <= count else { throw Declined() }
        for offset in 1..<length where bytes[position + offset] & 0xC0 != 0x80 { throw Declined() }
        let second = bytes[position + 1]
        switch lead {
        case 0xE0: guard second >= 0xA0 else { throw Declined() }
        case 0xED: guard second < 0xA0 else { throw Declined() }
        case 0xEF: guard second != 0xBF || bytes[position + 2] < 0xBE else { throw Declined() }
        case 0xF0: guard second >= 0x90 else { throw Declined() }
        case 0xF4: guard second < 0x90 else { throw Declined() }
        default: break
        }
        position += length
    }

    // MARK: Bytes

    @discardableResult
    private mutating func skipWhitespace() -> Bool {
        let start = position
        while position < count, ASCII.isWhitespace(bytes[position]) { position += 1 }
        return position > start
    }

    private mutating func expect(_ byte: UInt8) throws(Declined) {
        guard position < count, bytes[position] == byte else { throw Declined() }
        position += 1
    }

    /// Whether the input continues with `text` at the current position.
    private func matches(_ text: StaticString) -> Bool {
        let end = position + text.utf8CodeUnitCount
        return end <= count && equals(position..<end, text)
    }

    /// Whether the bytes of `range` are `text`; with `ignoringCase`, ASCII letters of either case
    /// match (`text` is lower case).
    private func equals(_ range: Range<Int>, _ text: StaticString, ignoringCase: Bool = false) -> Bool {
        guard range.count == text.utf8CodeUnitCount else { return false }
        for offset in 0..<range.count {
            var byte = bytes[range.lowerBound + offset]
            if ignoringCase, byte &- UInt8(ascii: "A") < 26 { byte |= 0x20 }
            guard byte == text.utf8Start[offset] else { return false }
        }
        return true
    }

    @inline(__always)
    private func same(_ lhs: Range<Int>, _ rhs: Range<Int>) -> Bool {
        lhs.count == rhs.count && memcmp(bytes + lhs.lowerBound, bytes + rhs.lowerBound, lhs.count) == 0
    }

    private func buffer(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + range.lowerBound, count: range.count)
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte == UInt8(ascii: "_")
    }

    private static func digit(_ byte: UInt8, hex: Bool) -> UInt32? {
        if byte &- UInt8(ascii: "0") < 10 { return UInt32(byte &- UInt8(ascii: "0")) }
        guard hex, (byte | 0x20) &- UInt8(ascii: "a") < 6 else { return nil }
        return UInt32((byte | 0x20) &- UInt8(ascii: "a")) + 10
    }

    /// XML 1.0's `Char` production.
    private static func isCharacter(_ value: UInt32) -> Bool {
        value == 0x09 || value == 0x0A || value == 0x0D || (0x20...0xD7FF).contains(value)
            || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
    }

    /// `scalar` (a valid `Char`) encoded as UTF-8, for the length of `body`.
    private static func withBytes(of scalar: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var encoded: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        var length = 0
        UTF8.encode(Unicode.Scalar(scalar)!) { unit in
            withUnsafeMutableBytes(of: &encoded) { $0[length] = unit }
            length += 1
        }
        withUnsafeBytes(of: encoded) { body(UnsafeBufferPointer(rebasing: $0.bindMemory(to: UInt8.self)[..<length])) }
    }
}
