internal import CLibXML2

/// The state of a plain SAX pass: reading what is left of a refused message's header, or a StUF
/// envelope. Both run the same way, with the same callbacks and the same refusals
/// (``LibXML/read(_:with:notWellFormed:_:)``); the decoder's hot pass has its own.
protocol SAXReader {
    init()
    /// Why a DOCTYPE is refused in the documents this reader reads.
    static var doctypeRefused: BerichtError { get }
    /// What a libxml2 error stops the parse with at once; nil lets the parse end by itself (it
    /// then ends not well-formed).
    static var parseError: BerichtError? { get }
    /// An element starts; an error thrown stops the parse and is what `read` throws.
    mutating func start(_ localName: UnsafePointer<UInt8>, _ uri: UnsafePointer<UInt8>?) throws(BerichtError)
    mutating func end()
    mutating func characters(_ bytes: UnsafePointer<UInt8>, count: Int)
}

/// One plain SAX pass as libxml2's callbacks see it: the reader's callbacks (closures over the
/// reader, which C callbacks cannot be generic over) and why the pass was stopped, if it was.
private final class SAXSession {
    let parser: xmlParserCtxtPtr
    let start: (UnsafePointer<UInt8>, UnsafePointer<UInt8>?) throws(BerichtError) -> Void
    let end: () -> Void
    let characters: (UnsafePointer<UInt8>, Int) -> Void
    let doctypeRefused: BerichtError
    let parseError: BerichtError?
    private(set) var failure: BerichtError?

    init(
        parser: xmlParserCtxtPtr, doctypeRefused: BerichtError, parseError: BerichtError?,
        start: @escaping (UnsafePointer<UInt8>, UnsafePointer<UInt8>?) throws(BerichtError) -> Void,
        end: @escaping () -> Void, characters: @escaping (UnsafePointer<UInt8>, Int) -> Void
    ) {
        self.parser = parser
        self.doctypeRefused = doctypeRefused
        self.parseError = parseError
        self.start = start
        self.end = end
        self.characters = characters
    }

    /// Stops the parse with `error`, unless it was stopped already.
    func stop(_ error: BerichtError) {
        guard failure == nil else { return }
        failure = error
        xmlStopParser(parser)
    }

    static func from(_ context: UnsafeMutableRawPointer?) -> SAXSession {
        Unmanaged<SAXSession>.fromOpaque(context!).takeUnretainedValue()
    }

    static var handler: xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, localName, _, uri, _, _, _, _, _ in
            guard let localName else { return }
            let session = SAXSession.from(context)
            do throws(BerichtError) { try session.start(localName, uri) } catch { session.stop(error) }
        }
        handler.endElementNs = { context, _, _, _ in SAXSession.from(context).end() }
        handler.characters = { context, text, length in
            guard let text else { return }
            SAXSession.from(context).characters(text, Int(length))
        }
        handler.cdataBlock = handler.characters
        handler.internalSubset = { context, _, _, _ in
            let session = SAXSession.from(context)
            session.stop(session.doctypeRefused)
        }
        handler.serror = { context, _ in
            let session = SAXSession.from(context)
            if let error = session.parseError { session.stop(error) }
        }
        return handler
    }
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
        var reader = Reader()
        let session = SAXSession(
            parser: parser, doctypeRefused: Reader.doctypeRefused, parseError: Reader.parseError,
            start: { (localName, uri) throws(BerichtError) in try reader.start(localName, uri) },
            end: { reader.end() }, characters: { reader.characters($0, count: $1) })
        // The context owns its handler block and frees it; overwrite it rather than replace it.
        parser.pointee.sax.pointee = SAXSession.handler
        parser.pointee.userData = Unmanaged.passUnretained(session).toOpaque()
        xmlCtxtUseOptions(parser, safeParseOptions)
        withExtendedLifetime(session) { _ = xmlParseDocument(parser) }
        if let failure = session.failure { throw failure }
        guard parser.pointee.wellFormed != 0 else { throw BerichtError(.notWellFormed, notWellFormed) }
        return try result(reader)
    }
}
