internal import CLibXML2

/// The state of a plain SAX pass: reading what is left of a refused message's header, or a StUF
/// envelope. Both run the same way (``LibXML/read(_:with:notWellFormed:_:)``); the decoder's hot
/// pass has its own.
protocol SAXReader {
    init(parser: xmlParserCtxtPtr)
    /// The callbacks; they find the reader as the parser's user data.
    static var handler: xmlSAXHandler { get }
    /// Why the reader stopped the parser, if it did.
    var failure: BerichtError? { get }
}

extension LibXML {
    /// Parses `buffer` with the safety of every parse here (checked prolog, no DOCTYPE, no network)
    /// and `Reader`'s callbacks, then hands the finished reader to `result`.
    /// - throws: the reader's own failure first, else `notWellFormed` when libxml2 found broken XML.
    static func read<Reader: SAXReader, Value>(
        _ buffer: UnsafeRawBufferPointer, with _: Reader.Type, notWellFormed: String,
        _ result: (Reader) throws(BerichtError) -> Value
    ) throws(BerichtError) -> Value {
        guard let base = buffer.baseAddress else { throw BerichtError(.empty, "nothing to parse") }
        try Prolog.check(buffer)
        initialize()
        guard let parser = xmlCreateMemoryParserCtxt(base.assumingMemoryBound(to: CChar.self), Int32(buffer.count))
        else { throw BerichtError(.notWellFormed, "libxml2 could not create a parser") }
        defer { xmlFreeParserCtxt(parser) }
        let reader = UnsafeMutablePointer<Reader>.allocate(capacity: 1)
        reader.initialize(to: Reader(parser: parser))
        defer {
            reader.deinitialize(count: 1)
            reader.deallocate()
        }
        // The context owns its handler block and frees it; overwrite it rather than replace it.
        parser.pointee.sax.pointee = Reader.handler
        parser.pointee.userData = UnsafeMutableRawPointer(reader)
        xmlCtxtUseOptions(parser, safeParseOptions)
        xmlParseDocument(parser)
        if let failure = reader.pointee.failure { throw failure }
        guard parser.pointee.wellFormed != 0 else { throw BerichtError(.notWellFormed, notWellFormed) }
        return try result(reader.pointee)
    }
}
