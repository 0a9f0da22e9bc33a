/// Turns the bytes of an iWmo/iJw 3.x message into a ``Bericht``, or says precisely why not.
///
/// A parser reports elements and text to an ``ElementTreeBuilder``, which checks structure
/// against the message's schema as elements arrive; typed values are built afterwards
/// (``ElementTree``), so the decoder rejects what the XSD rejects (structure, codes, dates,
/// numbers) without building a DOM or running a validator. The parser is ``XMLScanner`` for the
/// XML messages are written in, and libxml2 (``LibXMLTreeReader``) for everything the scanner
/// declines: a message that fails is always read again by libxml2, so the reason given is the
/// same whichever parser met the message first.
///
/// Safety: input over ``maximumSize``, and input that is not UTF-8 without a BOM (``Prolog``), is
/// refused before parsing; neither parser declares, expands or fetches an entity (the scanner
/// declines a DOCTYPE, libxml2 refuses it). Safe to call from many threads at once.
public enum BerichtDecoder {
    /// OP179: a message file is at most 25 MB.
    public static let maximumSize = 25_000_000

    public static func decode(_ bytes: [UInt8]) throws(BerichtError) -> Bericht {
        try bytes.withUnsafeBytes { buffer in Result { () throws(BerichtError) in try decode(buffer) } }.get()
    }

    public static func decode(_ buffer: UnsafeRawBufferPointer) throws(BerichtError) -> Bericht {
        guard !buffer.isEmpty else { throw BerichtError(.empty, "the message is empty") }
        guard buffer.count <= maximumSize else {
            throw BerichtError(.tooLarge, "the message is \(buffer.count) bytes, more than the \(maximumSize) allowed (OP179)")
        }
        try Prolog.check(buffer)
        if let bericht = scanned(buffer) { return bericht }
        return try read(buffer, using: .libxml2)
    }

    /// The XML parsers the decoder has; ``decode(_:)-swift.type.method`` tries the scanner first.
    enum Parser {
        case scanner, libxml2
    }

    /// `buffer` read by `parser` alone (the scanner's refusal says only that it declined);
    /// the fuzzer and the tests compare the two through this.
    static func read(_ buffer: UnsafeRawBufferPointer, using parser: Parser) throws(BerichtError) -> Bericht {
        switch parser {
        case .scanner:
            guard let bericht = scanned(buffer) else {
                throw BerichtError(.notWellFormed, "the scanner declined the message")
            }
            return bericht
        case .libxml2:
            return try bericht(LibXMLTreeReader.read(buffer))
        }
    }

    /// The message as the scanner reads it, or nil when it declined or the message is wrong.
    private static func scanned(_ buffer: UnsafeRawBufferPointer) -> Bericht? {
        var builder = ElementTreeBuilder(expectedSize: buffer.count)
        do {
            try XMLScanner.read(buffer, into: &builder)
        } catch {
            return nil
        }
        return try? bericht(builder)
    }

    /// The typed model of a tree the builder finished without a failure.
    private static func bericht(_ builder: ElementTreeBuilder) throws(BerichtError) -> Bericht {
        guard let namespace = builder.namespace, let schema = builder.schema else {
            throw BerichtError(.notWellFormed, "not well-formed XML: no root element")
        }
        return try builder.nodes.withUnsafeBufferPointer { (nodes) throws(BerichtError) in
            try builder.values.withUnsafeBufferPointer { (values) throws(BerichtError) in
                try ElementTree(nodes: nodes, values: values, schema: schema, standaard: namespace.standaard)
                    .bericht(namespace)
            }
        }
    }
}
