internal import CLibXML2

/// Validates messages against one compiled XSD (control level 1 of the standard).
///
/// The schema is read from disk so that its `xs:import schemaLocation="basisschema.xsd"` resolves
/// next to it. Documents are parsed with `XML_PARSE_NONET` and without entity substitution, so
/// validation never fetches anything.
///
/// A compiled schema is read-only after construction; one validation context is made per call,
/// which is what libxml2 needs to validate from several threads.
public final class XSDValidator: @unchecked Sendable {
    private let schema: xmlSchemaPtr

    /// One problem found by the validator, with the line in the message it concerns.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Compiles the XSD at `path`.
    /// - throws: ``XSDValidatorError`` when the file is missing or is not a usable schema.
    public init(path: String) throws(XSDValidatorError) {
        LibXML.initialize()
        // libxml2 reports a missing file on stderr before any handler can catch it; ask first.
        guard xmlCheckFilename(path) == 1, let context = xmlSchemaNewParserCtxt(path) else {
            throw .schemaUnusable(path: path)
        }
        defer { xmlSchemaFreeParserCtxt(context) }
        xmlSchemaSetParserStructuredErrors(context, { _, _ in }, nil)
        guard let compiled = xmlSchemaParse(context) else { throw .schemaUnusable(path: path) }
        schema = compiled
    }

    deinit { xmlSchemaFree(schema) }

    private final class Sink {
        var findings: [Finding] = []
    }

    /// Returns what the schema finds wrong with `document`; an empty array means valid.
    public func validate(_ document: [UInt8]) -> [Finding] {
        let sink = Sink()
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
        let parsed: xmlDocPtr? = document.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let parser = xmlNewParserCtxt() else { return nil }
                defer { xmlFreeParserCtxt(parser) }
                xmlCtxtSetStructuredErrorHandler(parser, sinkPointer)
                return xmlCtxtReadMemory(
                    parser, chars.baseAddress, Int32(chars.count), "message.xml", nil, LibXML.safeParseOptions)
            }
        }
        guard let parsed else {
            if sink.findings.isEmpty { sink.findings.append(Finding(line: 0, message: "not well-formed XML")) }
            return sink.findings
        }
        defer { xmlFreeDoc(parsed) }
        guard let validation = xmlSchemaNewValidCtxt(schema) else {
            return [Finding(line: 0, message: "libxml2 could not create a validation context")]
        }
        defer { xmlSchemaFreeValidCtxt(validation) }
        xmlSchemaSetValidStructuredErrors(validation, LibXML.collectFinding, sinkPointer)
        let rc = xmlSchemaValidateDoc(validation, parsed)
        if rc != 0 && sink.findings.isEmpty {
            sink.findings.append(Finding(line: 0, message: "xmlSchemaValidateDoc returned \(rc)"))
        }
        return sink.findings
    }

    fileprivate static func record(_ error: UnsafePointer<xmlError>, into user: UnsafeMutableRawPointer) {
        let sink = Unmanaged<Sink>.fromOpaque(user).takeUnretainedValue()
        var message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        while message.last == "\n" { message.removeLast() }
        sink.findings.append(Finding(line: Int(error.pointee.line), message: message))
    }
}

/// Why a schema could not be used.
public enum XSDValidatorError: Error, Sendable, Equatable, CustomStringConvertible {
    case schemaUnusable(path: String)

    public var description: String {
        switch self {
        case .schemaUnusable(let path): "\(path): not a readable XML Schema"
        }
    }
}

/// Process-wide libxml2 set-up shared by the validator and the decoder.
enum LibXML {
    /// No network, no entity substitution, no DTD loading, bounded by libxml2's own limits.
    static let safeParseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue)

    private static let once: Void = { xmlInitParser() }()

    static func initialize() { _ = once }

    static let collectFinding: xmlStructuredErrorFunc = { user, error in
        guard let user, let error else { return }
        XSDValidator.record(error, into: user)
    }
}

private func xmlCtxtSetStructuredErrorHandler(_ parser: xmlParserCtxtPtr, _ user: UnsafeMutableRawPointer) {
    // libxml2 2.9 has no xmlCtxtSetErrorHandler; the SAX handler's serror slot is the per-context hook.
    parser.pointee.sax.pointee.initialized = UInt32(XML_SAX2_MAGIC)
    // The SAX2 handlers need userData to stay the parser itself, so the sink travels in _private.
    parser.pointee.sax.pointee.serror = { context, error in
        guard let context, let error else { return }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let user = parser.pointee._private else { return }
        XSDValidator.record(error, into: user)
    }
    parser.pointee._private = user
}
