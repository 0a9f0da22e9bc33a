internal import CLibXML2
internal import Glibc

/// Feeds an ``ElementTreeBuilder`` from libxml2's SAX2 parser: the decoder's full XML reading,
/// used for every document ``XMLScanner`` does not take whole, so every refusal's wording and
/// line come from here.
///
/// A DOCTYPE stops the parser, so no entity is ever declared, expanded or fetched;
/// `XML_PARSE_NONET` is set and `XML_PARSE_NOENT`/`XML_PARSE_HUGE` are not, so libxml2's depth and
/// size limits apply; errors go to a structured handler, never to stderr.
struct LibXMLTreeReader {
    private let parser: xmlParserCtxtPtr
    private(set) var builder: ElementTreeBuilder
    /// A DOCTYPE found before the builder saw anything wrong.
    private(set) var refusal: BerichtError?
    /// The first problem libxml2 reported (not well-formed).
    private(set) var parseError: (message: String, line: Int)?

    private init(parser: xmlParserCtxtPtr, expectedSize: Int) {
        self.parser = parser
        builder = ElementTreeBuilder(expectedSize: expectedSize)
    }

    /// Parses `buffer` (already checked by ``Prolog``) into a tree, then hands the finished reader
    /// to `result` while the parser still exists.
    static func read<Value>(
        _ buffer: UnsafeRawBufferPointer, _ result: (inout LibXMLTreeReader) throws(BerichtError) -> Value
    ) throws(BerichtError) -> Value {
        LibXML.initialize()
        guard let parser = xmlCreateMemoryParserCtxt(buffer.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(buffer.count))
        else { throw BerichtError(.notWellFormed, "libxml2 could not create a parser") }
        defer { xmlFreeParserCtxt(parser) }
        let reader = UnsafeMutablePointer<LibXMLTreeReader>.allocate(capacity: 1)
        reader.initialize(to: LibXMLTreeReader(parser: parser, expectedSize: buffer.count))
        defer {
            reader.deinitialize(count: 1)
            reader.deallocate()
        }
        // The context owns its handler block and frees it; overwrite it rather than replace it.
        parser.pointee.sax.pointee = handler
        parser.pointee.userData = UnsafeMutableRawPointer(reader)
        xmlCtxtUseOptions(parser, LibXML.safeParseOptions)
        xmlParseDocument(parser)
        return try result(&reader.pointee)
    }

    /// The first reason the parse failed: the builder's or a DOCTYPE's, else libxml2's own.
    var failure: BerichtError? {
        if let failure = refusal ?? builder.failure { return failure }
        guard let parseError, parser.pointee.wellFormed == 0 else { return nil }
        return BerichtError(
            .notWellFormed, "not well-formed XML at line \(parseError.line): \(parseError.message)",
            line: parseError.line)
    }

    // MARK: Callbacks

    private mutating func start(
        _ localName: UnsafePointer<UInt8>, _ uri: UnsafePointer<UInt8>?, attributeCount: Int,
        attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    ) {
        builder.line = line
        builder.startElement(
            Self.buffer(localName), uri.map(Self.buffer),
            foreignAttribute: Self.foreignAttribute(attributes, count: attributeCount))
        stopOnFailure()
    }

    private mutating func end() {
        builder.line = line
        builder.endElement()
        stopOnFailure()
    }

    private mutating func characters(_ text: UnsafePointer<UInt8>, count: Int) {
        builder.line = line
        builder.characters(UnsafeBufferPointer(start: text, count: count))
        stopOnFailure()
    }

    private mutating func refuseDoctype() {
        guard refusal == nil, builder.failure == nil else { return }
        refusal = BerichtError(
            .forbiddenDeclaration, "DOCTYPE declarations are refused (no DTDs or entities in iStandaarden messages)",
            line: Int(line))
        xmlStopParser(parser)
    }

    private mutating func record(_ error: UnsafePointer<xmlError>) {
        guard parseError == nil else { return }
        var message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        while message.last == "\n" || message.last == " " { message.removeLast() }
        parseError = (message, Int(error.pointee.line))
    }

    private func stopOnFailure() {
        if builder.failure != nil { xmlStopParser(parser) }
    }

    private var line: Int32 { Int32(truncatingIfNeeded: parser.pointee.input?.pointee.line ?? 0) }

    private static func buffer(_ text: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: text, count: strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self)))
    }

    /// libxml2 passes five pointers per attribute: localname, prefix, URI, value, end.
    private static func foreignAttribute(
        _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int
    ) -> UnsafeBufferPointer<UInt8>? {
        guard let attributes else { return nil }
        for index in 0..<count where !ElementTreeBuilder.isTolerated(attributeURI: attributes[index * 5 + 2].map(buffer)) {
            return attributes[index * 5].map(buffer) ?? UnsafeBufferPointer(start: nil, count: 0)
        }
        return nil
    }

    private static func from(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<LibXMLTreeReader> {
        context!.assumingMemoryBound(to: LibXMLTreeReader.self)
    }

    /// Only the events the decoder needs; everything else (comments, processing instructions)
    /// is skipped by leaving its slot empty. Built per call: it is a plain struct of C function
    /// pointers, cheaper to fill than to guard as shared state.
    private static var handler: xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, localName, _, uri, _, _, attributeCount, _, attributes in
            guard let localName else { return }
            LibXMLTreeReader.from(context).pointee.start(localName, uri, attributeCount: Int(attributeCount), attributes: attributes)
        }
        handler.endElementNs = { context, _, _, _ in LibXMLTreeReader.from(context).pointee.end() }
        handler.characters = { context, text, length in
            guard let text else { return }
            LibXMLTreeReader.from(context).pointee.characters(text, count: Int(length))
        }
        handler.cdataBlock = handler.characters
        handler.internalSubset = { context, _, _, _ in LibXMLTreeReader.from(context).pointee.refuseDoctype() }
        handler.serror = { context, error in
            guard let error else { return }
            LibXMLTreeReader.from(context).pointee.record(error)
        }
        return handler
    }
}
