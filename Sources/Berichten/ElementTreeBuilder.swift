import Glibc

/// The structural side of the decoder: as a parser reports elements and text (``XMLScanner``, or
/// libxml2 through ``LibXMLTreeReader``), it checks each element against the message's
/// ``MessageSchema`` and records a flat tree of elements and their text.
///
/// Nothing is turned into a `String` here: local names are compared as bytes, text is appended to
/// one byte buffer. The first problem is kept in ``failure``, and the parser stops there; the
/// typed model is built afterwards from the tree (``ElementTree``).
///
/// A struct the parser mutates in place (the scanner holds it `inout`): a class would cost the
/// dynamic exclusivity checks and reference counting on every element, which measured at a fifth
/// of decoding time.
struct ElementTreeBuilder {
    struct Node {
        /// Index into the schema's elements.
        var element: Int32
        var parent: Int32
        /// One past the last descendant, so siblings can be skipped over.
        var end: Int32
        /// 1-based position among its same-named siblings.
        var occurrence: Int32
        var valueStart: Int32
        var valueEnd: Int32
        var line: Int32
    }

    private struct Frame {
        var node: Int32
        var element: Int32
        var isLeaf: Bool
        /// The child (relative index) seen last, -1 before the first child.
        var cursor: Int32
        var count: Int32
    }

    private(set) var nodes: ContiguousArray<Node> = []
    private(set) var values: ContiguousArray<UInt8> = []
    private var frames: ContiguousArray<Frame> = []
    private(set) var namespace: BerichtNamespace?
    private(set) var schema: MessageSchema?
    /// The schema's elements, held apart from the class so the callbacks retain nothing.
    private var elements = UnsafeMutableBufferPointer<MessageSchema.Element>(start: nil, count: 0)
    /// The namespace URIs as the parser handed them over; both parsers hand the same URI over at
    /// the same address within one parse, so after the first byte comparison an address compare
    /// decides.
    private var messageURI: UnsafeBufferPointer<UInt8>?
    private var basisschemaURI: UnsafeBufferPointer<UInt8>?
    /// The first problem found by this builder; the parser stops there.
    private(set) var failure: BerichtError?
    /// The line the parser is at, for the nodes and errors recorded next; the parser keeps it up to
    /// date when it has one (``XMLScanner`` has none: a document it cannot take whole is read again
    /// by libxml2, whose report is the one given).
    var line: Int32 = 0

    init(expectedSize: Int) {
        nodes.reserveCapacity(expectedSize / 40)
        values.reserveCapacity(expectedSize / 4)
        frames.reserveCapacity(16)
    }

    // MARK: Parser events

    /// An element starts. `foreignAttribute` is the local name of its first attribute outside the
    /// `xsi:` namespace (namespace declarations are not attributes here), if it has one.
    mutating func startElement(
        _ localName: UnsafeBufferPointer<UInt8>, _ uri: UnsafeBufferPointer<UInt8>?,
        foreignAttribute: UnsafeBufferPointer<UInt8>?
    ) {
        guard failure == nil else { return }
        guard let top = frames.last, schema != nil else { return startRoot(localName, uri) }
        guard !top.isLeaf else {
            return fail(.unexpectedElement, at: top.node, "unexpected element \(Self.name(localName))")
        }
        let parent = elements[Int(top.element)]
        var candidate = max(top.cursor, 0)
        while candidate < parent.childCount, !matches(parent.firstChild + candidate, localName) {
            candidate += 1
        }
        guard candidate < parent.childCount else {
            return fail(.unexpectedElement, at: top.node, "unexpected element \(Self.name(localName))")
        }
        let elementIndex = parent.firstChild + candidate
        let element = elements[Int(elementIndex)]
        var frame = top
        if candidate == top.cursor {
            guard element.repeats else {
                return fail(.unexpectedElement, at: top.node, "unexpected second \(element.tag.rawValue)")
            }
            frame.count += 1
        } else {
            if let missing = firstRequired(in: parent, from: top.cursor + 1, to: candidate) {
                return fail(.missingElement, at: top.node, "missing required element \(missing.rawValue)")
            }
            frame.cursor = candidate
            frame.count = 1
        }
        frames[frames.count - 1] = frame
        guard isExpected(uri, inBasisschema: element.inBasisschema) else {
            let expected = element.inBasisschema ? "basisschema" : "message"
            return fail(.wrongNamespace, at: top.node, "\(element.tag.rawValue) is not in the \(expected) namespace")
        }
        if let foreignAttribute {
            return fail(
                .unexpectedAttribute, at: top.node,
                "\(element.tag.rawValue) has unexpected attribute \(Self.name(foreignAttribute))")
        }
        push(element: elementIndex, parent: top.node, occurrence: frame.count, isLeaf: element.isLeaf)
    }

    mutating func endElement() {
        guard failure == nil, let frame = frames.popLast() else { return }
        let index = Int(frame.node)
        if frame.isLeaf {
            var start = Int(nodes[index].valueStart)
            var end = values.count
            while start < end, ASCII.isWhitespace(values[start]) { start += 1 }
            while end > start, ASCII.isWhitespace(values[end - 1]) { end -= 1 }
            nodes[index].valueStart = Int32(start)
            nodes[index].valueEnd = Int32(end)
            if case let waarde = elements[Int(frame.element)].waarde, waarde != .gelezen,
                let (kind, problem) = values.withUnsafeBufferPointer({ waarde.problem(.init(rebasing: $0[start..<end])) })
            {
                return fail(kind, at: frame.node, problem)
            }
        } else {
            let element = elements[Int(frame.element)]
            if let missing = firstRequired(in: element, from: frame.cursor + 1, to: element.childCount) {
                return fail(.missingElement, at: frame.node, "missing required element \(missing.rawValue)")
            }
        }
        nodes[index].end = Int32(nodes.count)
    }

    /// Whether text here is an element's value; elsewhere only white space is allowed, and dropped.
    var takesText: Bool { frames.last?.isLeaf ?? false }

    mutating func characters(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard failure == nil, let top = frames.last else { return }
        if top.isLeaf {
            values.append(contentsOf: buffer)
        } else if !buffer.allSatisfy(ASCII.isWhitespace) {
            fail(.unexpectedText, at: top.node, "unexpected text")
        }
    }

    // MARK: Helpers

    private mutating func startRoot(_ localName: UnsafeBufferPointer<UInt8>, _ uri: UnsafeBufferPointer<UInt8>?) {
        guard Self.equal(localName, Self.bericht) else {
            return fail(.notAnIStandaardenMessage, "root element is not Bericht")
        }
        guard let uri else { return fail(.notAnIStandaardenMessage, "Bericht is not in a namespace") }
        let namespace: BerichtNamespace
        do {
            namespace = try BerichtNamespace(utf8: uri)
        } catch {
            return fail(error.kind, error.problem)
        }
        self.namespace = namespace
        let schema = MessageSchema.schema(for: namespace.berichttype, in: namespace.standaard)
        self.schema = schema
        elements = schema.elements
        messageURI = uri
        push(element: 0, parent: -1, occurrence: 1, isLeaf: false)
    }

    private mutating func push(element: Int32, parent: Int32, occurrence: Int32, isLeaf: Bool) {
        let index = Int32(nodes.count)
        let valueStart = Int32(values.count)
        nodes.append(
            Node(
                element: element, parent: parent, end: index + 1, occurrence: occurrence, valueStart: valueStart,
                valueEnd: valueStart, line: line))
        frames.append(Frame(node: index, element: element, isLeaf: isLeaf, cursor: -1, count: 0))
    }

    private func firstRequired(in parent: MessageSchema.Element, from: Int32, to: Int32) -> Tag? {
        guard from < to else { return nil }
        for child in from..<to where elements[Int(parent.firstChild + child)].required {
            return elements[Int(parent.firstChild + child)].tag
        }
        return nil
    }

    @inline(__always)
    private func matches(_ element: Int32, _ localName: UnsafeBufferPointer<UInt8>) -> Bool {
        schema.unsafelyUnwrapped.matches(element, localName)
    }

    private mutating func isExpected(_ uri: UnsafeBufferPointer<UInt8>?, inBasisschema: Bool) -> Bool {
        guard let uri else { return false }
        if inBasisschema {
            if let known = basisschemaURI, Self.same(known, uri) { return true }
            guard let expected = namespace?.basisschemaURI, expected.withUnsafeBufferPointer({ Self.equal(uri, $0) })
            else { return false }
            basisschemaURI = uri
            return true
        }
        return messageURI.map { Self.same($0, uri) || Self.equal(uri, $0) } ?? false
    }

    /// Byte equality by `memcmp`: the generic `elementsEqual` took about a thousand instructions a URI.
    private static func equal(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        lhs.count == rhs.count && (lhs.isEmpty || memcmp(lhs.baseAddress!, rhs.baseAddress!, lhs.count) == 0)
    }

    private static func equal(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: [UInt8]) -> Bool {
        rhs.withUnsafeBufferPointer { equal(lhs, $0) }
    }

    @inline(__always)
    private static func same(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        lhs.baseAddress == rhs.baseAddress && lhs.count == rhs.count
    }

    private static let schemaInstance: [UInt8] = Array("http://www.w3.org/2001/XMLSchema-instance".utf8)
    private static let bericht: [UInt8] = Array(Tag.bericht.rawValue.utf8)

    /// Attributes are not used by the standard; only `xsi:` hints (schemaLocation) are tolerated.
    static func isTolerated(attributeURI uri: UnsafeBufferPointer<UInt8>?) -> Bool {
        uri.map { equal($0, schemaInstance) } ?? false
    }

    /// A local name for an error message, cut short so hostile input cannot flood a log line.
    private static func name(_ localName: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: localName, as: UTF8.self)
        return text.count > 64 ? String(text.prefix(64)) + "…" : text
    }

    private mutating func fail(_ kind: BerichtError.Kind, at node: Int32? = nil, _ problem: String) {
        failure = BerichtError(kind, path: node.map(path) ?? "", problem, line: Int(line))
    }

    private func path(_ node: Int32) -> String {
        guard let schema else { return "" }
        return nodes.withUnsafeBufferPointer { ElementTree.path(of: node, nodes: $0, schema: schema) }
    }
}
