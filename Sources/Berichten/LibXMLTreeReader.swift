/// Feeds an ``ElementTreeBuilder`` from libxml2's SAX2 parser: the decoder's full XML reading,
/// used for every message ``XMLScanner`` does not take whole, so every refusal's wording and line
/// come from here.
struct LibXMLTreeReader: SAXReader {
    private(set) var builder: ElementTreeBuilder

    static let doctypeRefused = BerichtError(
        .forbiddenDeclaration, "DOCTYPE declarations are refused (no DTDs or entities in iStandaarden messages)")
    /// Broken XML ends the parse by itself, with libxml2's first complaint.
    static let parseError: BerichtError? = nil

    /// The tree of `buffer` (already checked by ``Prolog``), read by libxml2.
    static func read(_ buffer: UnsafeRawBufferPointer) throws(BerichtError) -> ElementTreeBuilder {
        let empty = LibXMLTreeReader(builder: ElementTreeBuilder(expectedSize: buffer.count))
        return try LibXML.read(buffer, into: empty, notWellFormed: "not well-formed XML") { reader in reader.builder }
    }

    mutating func start(_ element: SAXElement) throws(BerichtError) {
        try at(element.line) { builder in
            builder.startElement(
                SAXElement.buffer(element.localName), element.uri.map(SAXElement.buffer),
                foreignAttribute: Self.foreignAttribute(of: element))
        }
    }

    mutating func end(line: Int) throws(BerichtError) {
        try at(line) { builder in builder.endElement() }
    }

    mutating func characters(_ text: UnsafeBufferPointer<UInt8>, line: Int) throws(BerichtError) {
        try at(line) { builder in builder.characters(text) }
    }

    /// Hands an event to the builder at the parser's `line`; the builder's first problem stops the parse.
    private mutating func at(_ line: Int, _ event: (inout ElementTreeBuilder) -> Void) throws(BerichtError) {
        builder.line = Int32(truncatingIfNeeded: line)
        event(&builder)
        if let failure = builder.failure { throw failure }
    }

    /// The local name of the element's first attribute the builder does not tolerate.
    private static func foreignAttribute(of element: SAXElement) -> UnsafeBufferPointer<UInt8>? {
        guard let attributes = element.attributes else { return nil }
        for index in 0..<element.attributeCount
        where !ElementTreeBuilder.isTolerated(attributeURI: attributes[index * 5 + 2].map(SAXElement.buffer)) {
            return attributes[index * 5].map(SAXElement.buffer) ?? UnsafeBufferPointer(start: nil, count: 0)
        }
        return nil
    }
}
