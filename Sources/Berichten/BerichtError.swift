/// Why bytes are not a usable iWmo/iJw 3.x message.
///
/// ``description`` is one line: the element path (if any), then the problem, e.g.
/// `Client/ToegewezenProducten/ToegewezenProduct[2]/Omvang/Eenheid: '05' is not a valid Eenheid (WJ756)`.
/// It never contains a BSN, a name or another personal value, so it can go to logs as is.
public struct BerichtError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The classes of problem, for callers that react differently (e.g. refuse vs. return a retour).
    public enum Kind: Sendable, Hashable {
        case empty
        case tooLarge
        case notWellFormed
        /// Not UTF-8, or with a byte order mark (OP192).
        case wrongEncoding
        /// A DOCTYPE (and with it entity declarations) is refused outright.
        case forbiddenDeclaration
        case notAnIStandaardenMessage
        case unknownRelease
        case berichtCodeMismatch
        case versionMismatch
        case wrongNamespace
        case missingElement
        case unexpectedElement
        case unexpectedText
        case unexpectedAttribute
        case invalidCode
        case invalidDate
        case invalidTime
        case invalidNumber
        case invalidValue
    }

    public var kind: Kind
    /// Element path below `Bericht`, with `[n]` (1-based) on repeating elements; empty for the document.
    public var path: String
    public var problem: String
    /// The input line the problem was found on; 0 when not known.
    public var line: Int

    public init(_ kind: Kind, path: String = "", _ problem: String, line: Int = 0) {
        self.kind = kind
        self.path = path
        self.problem = problem
        self.line = line
    }

    public var description: String { path.isEmpty ? problem : "\(path): \(problem)" }
}
