internal import CLibXML2

/// Turns the bytes of an iWmo/iJw 3.x message into a ``Bericht``, or says precisely why not.
///
/// libxml2's SAX2 parser does the XML work; the decoder checks structure against the message's
/// schema as elements arrive and builds typed values afterwards, so it rejects what the XSD
/// rejects (structure, codes, dates, numbers) without building a DOM or running a validator.
///
/// Safety: input over ``maximumSize``, and input that is not UTF-8 without a BOM (``Prolog``), is
/// refused before parsing; a DOCTYPE stops the parser, so
/// no entity is ever declared, expanded or fetched; `XML_PARSE_NONET` is set and
/// `XML_PARSE_NOENT`/`XML_PARSE_HUGE` are not, so libxml2's depth and size limits apply; errors
/// go to a structured handler, never to stderr. Safe to call from many threads at once.
public enum BerichtDecoder {
    /// OP179: a message file is at most 25 MB.
    public static let maximumSize = 25_000_000

    public static func decode(_ bytes: [UInt8]) throws(BerichtError) -> Bericht {
        try bytes.withUnsafeBytes { buffer in Result { () throws(BerichtError) in try decode(buffer) } }.get()
    }

    public static func decode(_ buffer: UnsafeRawBufferPointer) throws(BerichtError) -> Bericht {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { throw BerichtError(.empty, "the message is empty") }
        guard buffer.count <= maximumSize else {
            throw BerichtError(.tooLarge, "the message is \(buffer.count) bytes, more than the \(maximumSize) allowed (OP179)")
        }
        try Prolog.check(buffer)
        LibXML.initialize()
        guard let parser = xmlCreateMemoryParserCtxt(base.assumingMemoryBound(to: CChar.self), Int32(buffer.count))
        else { throw BerichtError(.notWellFormed, "libxml2 could not create a parser") }
        defer { xmlFreeParserCtxt(parser) }

        return try withUnsafeTemporaryAllocation(
            of: UnsafePointer<UInt8>?.self, capacity: MessageSchema.maximumElementCount
        ) { (internedNames) throws(BerichtError) in
            try parse(parser, expectedSize: buffer.count, internedNames: internedNames)
        }
    }

    /// The SAX pass and the typed model; `internedNames` is scratch space for the builder.
    private static func parse(
        _ parser: xmlParserCtxtPtr, expectedSize: Int, internedNames: UnsafeMutableBufferPointer<UnsafePointer<UInt8>?>
    ) throws(BerichtError) -> Bericht {
        let builder = UnsafeMutablePointer<ElementTreeBuilder>.allocate(capacity: 1)
        builder.initialize(
            to: ElementTreeBuilder(parser: parser, expectedSize: expectedSize, internedNames: internedNames))
        defer {
            builder.deinitialize(count: 1)
            builder.deallocate()
        }
        // The context owns its handler block and frees it; overwrite it rather than replace it.
        parser.pointee.sax.pointee = handler
        parser.pointee.userData = UnsafeMutableRawPointer(builder)
        xmlCtxtUseOptions(parser, LibXML.safeParseOptions)
        xmlParseDocument(parser)

        if let failure = builder.pointee.failure { throw failure }
        if let parseError = builder.pointee.parseError, parser.pointee.wellFormed == 0 {
            throw BerichtError(
                .notWellFormed, "not well-formed XML at line \(parseError.line): \(parseError.message)",
                line: parseError.line)
        }
        guard let namespace = builder.pointee.namespace, let schema = builder.pointee.schema else {
            throw BerichtError(.notWellFormed, "not well-formed XML: no root element")
        }
        return try builder.pointee.nodes.withUnsafeBufferPointer { (nodes) throws(BerichtError) in
            try builder.pointee.values.withUnsafeBufferPointer { (values) throws(BerichtError) in
                try ElementTree(nodes: nodes, values: values, schema: schema, standaard: namespace.standaard)
                    .bericht(namespace)
            }
        }
    }

    /// Only the events the decoder needs; everything else (comments, processing instructions)
    /// is skipped by leaving its slot empty. Built per call: it is a plain struct of C function
    /// pointers, cheaper to fill than to guard as shared state.
    private static var handler: xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, localName, _, uri, _, _, attributeCount, _, attributes in
            guard let localName else { return }
            ElementTreeBuilder.from(context).pointee.startElement(
                localName, uri, attributeCount: Int(attributeCount), attributes: attributes)
        }
        handler.endElementNs = { context, _, _, _ in ElementTreeBuilder.from(context).pointee.endElement() }
        handler.characters = { context, text, length in
            guard let text else { return }
            ElementTreeBuilder.from(context).pointee.characters(text, count: Int(length))
        }
        handler.cdataBlock = handler.characters
        handler.internalSubset = { context, _, _, _ in ElementTreeBuilder.from(context).pointee.refuseDoctype() }
        handler.serror = { context, error in
            guard let error else { return }
            ElementTreeBuilder.from(context).pointee.record(error)
        }
        return handler
    }
}
