internal import CLibXML2

/// The state of one pass of libxml2's SAX2 parser: the decoder's full reading of a message the
/// scanner declined (``ElementTreeReader``), what is left of a refused message's header, a StUF
/// envelope. All run the same way, with the same callbacks and the same refusals
/// (``LibXML/read(_:into:notWellFormed:_:)``).
protocol SAXReader {
    /// Why a DOCTYPE is refused in the documents this reader reads.
    static var doctypeRefused: BerichtError { get }
    /// What a libxml2 error stops the parse with at once; nil lets the parse end by itself (it
    /// then ends not well-formed, with libxml2's first complaint).
    static var parseError: BerichtError? { get }
    /// An element starts; an error thrown by any callback stops the parse and is what `read` throws.
    mutating func start(_ element: SAXElement) throws(BerichtError)
    /// An element ends; `line` is the parser's.
    mutating func end(line: Int) throws(BerichtError)
    mutating func characters(_ text: UnsafeBufferPointer<UInt8>, line: Int) throws(BerichtError)
}

/// An element start as libxml2 reports it, valid during the callback only.
struct SAXElement {
    let localName: UnsafePointer<UInt8>
    let uri: UnsafePointer<UInt8>?
    /// Five pointers per attribute: local name, prefix, URI, value, end of value.
    let attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    let attributeCount: Int
    /// The parser's line once it has read the start tag.
    let line: Int

    /// `text`, NUL-terminated by libxml2, as a buffer.
    static func buffer(_ text: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var count = 0
        while text[count] != 0 { count += 1 }
        return UnsafeBufferPointer(start: text, count: count)
    }
}

/// One SAX pass as libxml2's callbacks see it: the reader's callbacks (closures over the
/// reader, which C callbacks cannot be generic over), why the pass was stopped, if it was, and
/// libxml2's first complaint.
private final class SAXSession {
    let parser: xmlParserCtxtPtr
    let start: (SAXElement) throws(BerichtError) -> Void
    let end: (Int) throws(BerichtError) -> Void
    let characters: (UnsafeBufferPointer<UInt8>, Int) throws(BerichtError) -> Void
    let doctypeRefused: BerichtError
    let parseError: BerichtError?
    private(set) var failure: BerichtError?
    private(set) var complaint: (message: String, line: Int)?

    init(
        parser: xmlParserCtxtPtr, doctypeRefused: BerichtError, parseError: BerichtError?,
        start: @escaping (SAXElement) throws(BerichtError) -> Void, end: @escaping (Int) throws(BerichtError) -> Void,
        characters: @escaping (UnsafeBufferPointer<UInt8>, Int) throws(BerichtError) -> Void
    ) {
        self.parser = parser
        self.doctypeRefused = doctypeRefused
        self.parseError = parseError
        self.start = start
        self.end = end
        self.characters = characters
    }

    var line: Int { Int(parser.pointee.input?.pointee.line ?? 0) }

    /// Runs a reader's callback; what it throws stops the parse.
    func run(_ callback: () throws(BerichtError) -> Void) {
        do throws(BerichtError) { try callback() } catch { stop(error) }
    }

    /// Stops the parse with `error`, unless it was stopped already.
    func stop(_ error: BerichtError) {
        guard failure == nil else { return }
        failure = error
        xmlStopParser(parser)
    }

    func record(_ error: UnsafePointer<xmlError>) {
        if let parseError { return stop(parseError) }
        guard complaint == nil else { return }
        var message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        while message.last == "\n" || message.last == " " { message.removeLast() }
        complaint = (message, Int(error.pointee.line))
    }

    static func from(_ context: UnsafeMutableRawPointer?) -> SAXSession {
        Unmanaged<SAXSession>.fromOpaque(context!).takeUnretainedValue()
    }

    /// Only the events the readers need; everything else (comments, processing instructions)
    /// is skipped by leaving its slot empty.
    static var handler: xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, localName, _, uri, _, _, attributeCount, _, attributes in
            guard let localName else { return }
            let session = SAXSession.from(context)
            let element = SAXElement(
                localName: localName, uri: uri, attributes: attributes, attributeCount: Int(attributeCount),
                line: session.line)
            session.run { () throws(BerichtError) in try session.start(element) }
        }
        handler.endElementNs = { context, _, _, _ in
            let session = SAXSession.from(context)
            session.run { () throws(BerichtError) in try session.end(session.line) }
        }
        handler.characters = { context, text, length in
            guard let text else { return }
            let session = SAXSession.from(context)
            let buffer = UnsafeBufferPointer(start: text, count: Int(length))
            session.run { () throws(BerichtError) in try session.characters(buffer, session.line) }
        }
        handler.cdataBlock = handler.characters
        handler.internalSubset = { context, _, _, _ in
            let session = SAXSession.from(context)
            var refusal = session.doctypeRefused
            refusal.line = session.line
            session.stop(refusal)
        }
        handler.serror = { context, error in
            guard let error else { return }
            SAXSession.from(context).record(error)
        }
        return handler
    }
}

extension LibXML {
    /// Parses `buffer` with the safety of every parse here (checked prolog, no DOCTYPE, no network,
    /// no entity expansion, libxml2's depth and size limits, errors to a handler and never to
    /// stderr) into `reader`, then hands the finished reader to `result`.
    /// - throws: the reader's own failure first; else, when libxml2 found broken XML,
    ///   `notWellFormed` with libxml2's first complaint and its line.
    static func read<Reader: SAXReader, Value>(
        _ buffer: UnsafeRawBufferPointer, into reader: Reader, notWellFormed: String,
        _ result: (Reader) throws(BerichtError) -> Value
    ) throws(BerichtError) -> Value {
        guard let base = buffer.baseAddress else { throw BerichtError(.empty, "nothing to parse") }
        try Prolog.check(buffer)
        initialize()
        guard let parser = xmlCreateMemoryParserCtxt(base.assumingMemoryBound(to: CChar.self), Int32(buffer.count))
        else { throw BerichtError(.notWellFormed, "libxml2 could not create a parser") }
        defer { xmlFreeParserCtxt(parser) }
        var reader = reader
        let session = SAXSession(
            parser: parser, doctypeRefused: Reader.doctypeRefused, parseError: Reader.parseError,
            start: { (element) throws(BerichtError) in try reader.start(element) },
            end: { (line) throws(BerichtError) in try reader.end(line: line) },
            characters: { (text, line) throws(BerichtError) in try reader.characters(text, line: line) })
        // The context owns its handler block and frees it; overwrite it rather than replace it.
        parser.pointee.sax.pointee = SAXSession.handler
        parser.pointee.userData = Unmanaged.passUnretained(session).toOpaque()
        xmlCtxtUseOptions(parser, safeParseOptions)
        withExtendedLifetime(session) { _ = xmlParseDocument(parser) }
        if let failure = session.failure { throw failure }
        guard parser.pointee.wellFormed != 0 else {
            guard let (message, line) = session.complaint else { throw BerichtError(.notWellFormed, notWellFormed) }
            throw BerichtError(.notWellFormed, "\(notWellFormed) at line \(line): \(message)", line: line)
        }
        return try result(reader)
    }
}
