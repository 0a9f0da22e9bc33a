internal import CLibXML2

/// The SAX2 side of the decoder: while libxml2 parses, it checks each element against the
/// message's ``MessageSchema`` and records a flat tree of elements and their text.
///
/// Nothing is turned into a `String` here: local names are compared as bytes, text is appended to
/// one byte buffer. The first problem stops the parser (`xmlStopParser`) and is kept in
/// ``failure``; the typed model is built afterwards from the tree (``ElementTree``).
///
/// A struct behind an `UnsafeMutablePointer` rather than a class: the callbacks then mutate it
/// without the dynamic exclusivity checks and reference counting a class property costs on every
/// element, which measured at a fifth of decoding time.
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

    private let parser: xmlParserCtxtPtr
    private(set) var nodes: ContiguousArray<Node> = []
    private(set) var values: ContiguousArray<UInt8> = []
    private var frames: ContiguousArray<Frame> = []
    private(set) var namespace: BerichtNamespace?
    private(set) var schema: MessageSchema?
    /// The schema's elements, held apart from the class so the callbacks retain nothing.
    private var elements = UnsafeMutableBufferPointer<MessageSchema.Element>(start: nil, count: 0)
    /// Per schema element, the local name libxml2 gave it once it matched. libxml2 interns local
    /// names in the parser's dictionary, so after the first byte comparison a pointer compare
    /// decides: the same name always arrives as the same pointer within one parse.
    private let internedNames: UnsafeMutableBufferPointer<UnsafePointer<UInt8>?>
    private var messageURI: UnsafePointer<UInt8>?
    private var basisschemaURI: UnsafePointer<UInt8>?
    /// The first problem found by this builder; it stopped the parser.
    private(set) var failure: BerichtError?
    /// The first problem libxml2 reported (not well-formed).
    private(set) var parseError: (message: String, line: Int)?

    /// `internedNames` must hold ``MessageSchema/maximumElementCount`` entries; the caller owns it.
    init(parser: xmlParserCtxtPtr, expectedSize: Int, internedNames: UnsafeMutableBufferPointer<UnsafePointer<UInt8>?>) {
        self.parser = parser
        self.internedNames = internedNames
        nodes.reserveCapacity(expectedSize / 40)
        values.reserveCapacity(expectedSize / 4)
        frames.reserveCapacity(16)
    }

    // MARK: SAX events

    /// The builder a SAX callback belongs to: the decoder installs it as the context's userData.
    static func from(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<ElementTreeBuilder> {
        context!.assumingMemoryBound(to: ElementTreeBuilder.self)
    }

    mutating func startElement(
        _ localName: UnsafePointer<UInt8>, _ uri: UnsafePointer<UInt8>?, attributeCount: Int,
        attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
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
        if attributeCount > 0, let attributes, let problem = Self.foreignAttribute(attributes, count: attributeCount) {
            return fail(.unexpectedAttribute, at: top.node, "\(element.tag.rawValue) has unexpected attribute \(problem)")
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

    mutating func characters(_ text: UnsafePointer<UInt8>, count: Int) {
        guard failure == nil, let top = frames.last else { return }
        let buffer = UnsafeBufferPointer(start: text, count: count)
        if top.isLeaf {
            values.append(contentsOf: buffer)
        } else if !buffer.allSatisfy(ASCII.isWhitespace) {
            fail(.unexpectedText, at: top.node, "unexpected text")
        }
    }

    mutating func refuseDoctype() {
        guard failure == nil else { return }
        failure = BerichtError(
            .forbiddenDeclaration, "DOCTYPE declarations are refused (no DTDs or entities in iStandaarden messages)",
            line: currentLine)
        xmlStopParser(parser)
    }

    mutating func record(_ error: UnsafePointer<xmlError>) {
        guard parseError == nil else { return }
        var message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        while message.last == "\n" || message.last == " " { message.removeLast() }
        parseError = (message, Int(error.pointee.line))
    }

    // MARK: Helpers

    private var currentLine: Int { Int(parser.pointee.input?.pointee.line ?? 0) }

    private mutating func startRoot(_ localName: UnsafePointer<UInt8>, _ uri: UnsafePointer<UInt8>?) {
        guard Self.name(localName) == Tag.bericht.rawValue else {
            return fail(.notAnIStandaardenMessage, "root element is not Bericht")
        }
        guard let uri else { return fail(.notAnIStandaardenMessage, "Bericht is not in a namespace") }
        let namespace: BerichtNamespace
        do {
            namespace = try BerichtNamespace(uri: String(cString: uri))
        } catch {
            return fail(error.kind, error.problem)
        }
        self.namespace = namespace
        let schema = MessageSchema.schema(for: namespace.berichttype, in: namespace.standaard)
        self.schema = schema
        elements = schema.elements
        internedNames.update(repeating: nil)
        messageURI = uri
        push(element: 0, parent: -1, occurrence: 1, isLeaf: false)
    }

    private mutating func push(element: Int32, parent: Int32, occurrence: Int32, isLeaf: Bool) {
        let index = Int32(nodes.count)
        let valueStart = Int32(values.count)
        nodes.append(
            Node(
                element: element, parent: parent, end: index + 1, occurrence: occurrence, valueStart: valueStart,
                valueEnd: valueStart, line: Int32(truncatingIfNeeded: currentLine)))
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
    private func matches(_ element: Int32, _ localName: UnsafePointer<UInt8>) -> Bool {
        if let interned = internedNames[Int(element)] { return interned == localName }
        guard schema.unsafelyUnwrapped.matches(element, localName) else { return false }
        internedNames[Int(element)] = localName
        return true
    }

    /// libxml2 interns namespace URIs per parse, so after the first byte comparison a pointer check suffices.
    private mutating func isExpected(_ uri: UnsafePointer<UInt8>?, inBasisschema: Bool) -> Bool {
        guard let uri else { return false }
        if inBasisschema {
            if uri == basisschemaURI { return true }
            guard let expected = namespace?.basisschemaURI, Self.equal(uri, expected) else { return false }
            basisschemaURI = uri
            return true
        }
        return uri == messageURI || (messageURI.map { Self.sameString($0, uri) } ?? false)
    }

    private static func equal(_ text: UnsafePointer<UInt8>, _ bytes: [UInt8]) -> Bool {
        for (index, byte) in bytes.enumerated() where text[index] != byte { return false }
        return text[bytes.count] == 0
    }

    private static func sameString(_ lhs: UnsafePointer<UInt8>, _ rhs: UnsafePointer<UInt8>) -> Bool {
        var index = 0
        while lhs[index] == rhs[index] {
            if lhs[index] == 0 { return true }
            index += 1
        }
        return false
    }

    private static let schemaInstance: [UInt8] = Array("http://www.w3.org/2001/XMLSchema-instance".utf8)

    /// Attributes are not used by the standard; only `xsi:` hints (schemaLocation) are tolerated.
    private static func foreignAttribute(_ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>, count: Int) -> String? {
        // libxml2 passes five pointers per attribute: localname, prefix, URI, value, end.
        for index in 0..<count {
            let uri = attributes[index * 5 + 2]
            if let uri, equal(uri, schemaInstance) { continue }
            return attributes[index * 5].map(name) ?? "?"
        }
        return nil
    }

    /// A local name for an error message, cut short so hostile input cannot flood a log line.
    private static func name(_ localName: UnsafePointer<UInt8>) -> String {
        let text = String(cString: localName)
        return text.count > 64 ? String(text.prefix(64)) + "…" : text
    }

    private mutating func fail(_ kind: BerichtError.Kind, at node: Int32? = nil, _ problem: String) {
        failure = BerichtError(kind, path: node.map(path) ?? "", problem, line: currentLine)
        xmlStopParser(parser)
    }

    private func path(_ node: Int32) -> String {
        guard let schema else { return "" }
        return nodes.withUnsafeBufferPointer { ElementTree.path(of: node, nodes: $0, schema: schema) }
    }
}
