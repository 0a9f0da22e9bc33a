#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The XSDs of a schema directory laid out like the Zorginstituut packages: one folder per
/// standard and release (`ijw-3.2/JW301.xsd`, `iwmo-3.2/WMO301.xsd`).
///
/// Schemas are compiled lazily, once per message type, behind a lock, and then shared by every
/// thread: a compiled schema is read-only and each validation makes its own context.
public final class SchemaSet: Sendable {
    public let directory: String
    private let compiled = Mutex<[Key: Result<XSDValidator, XSDValidatorError>]>([:])

    private struct Key: Hashable, Sendable {
        var standaard: Standaard
        var release: Release
        var berichttype: Berichttype
    }

    /// - throws: ``XSDValidatorError`` when `directory` is not a readable folder.
    public init(directory: String) throws(XSDValidatorError) {
        var info = stat()
        guard stat(directory, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw .schemaUnusable(path: directory)
        }
        self.directory = directory
    }

    /// The path of the XSD for one kind of message, e.g. `DIR/iwmo-3.2/WMO301.xsd`.
    public func path(standaard: Standaard, release: Release, berichttype: Berichttype) -> String {
        let folder = standaard == .iWmo ? "iwmo" : "ijw"
        let prefix = standaard == .iWmo ? "WMO" : "JW"
        return "\(directory)/\(folder)-\(release)/\(prefix)\(berichttype.rawValue).xsd"
    }

    /// The compiled schema for one kind of message, or why there is none (missing or unusable);
    /// callers that must tell "not validated" apart from "invalid" ask this first.
    public func validator(
        standaard: Standaard, release: Release, berichttype: Berichttype
    ) -> Result<XSDValidator, XSDValidatorError> {
        let key = Key(standaard: standaard, release: release, berichttype: berichttype)
        let path = path(standaard: standaard, release: release, berichttype: berichttype)
        return compiled.withLock { compiled in
            if let known = compiled[key] { return known }
            let result = Result { () throws(XSDValidatorError) in try XSDValidator(path: path) }
            compiled[key] = result
            return result
        }
    }

    /// Validates `bytes`, a message of the given kind; a missing schema is one finding that says so.
    public func validate(
        _ bytes: [UInt8], standaard: Standaard, release: Release, berichttype: Berichttype
    ) -> [XSDValidator.Finding] {
        let path = path(standaard: standaard, release: release, berichttype: berichttype)
        switch validator(standaard: standaard, release: release, berichttype: berichttype) {
        case .success(let validator):
            return validator.validate(bytes)
        case .failure:
            return [XSDValidator.Finding(
                line: 0, message: "no usable XSD for \(standaard.rawValue) \(release) \(berichttype.rawValue) "
                    + "at \(path); not validated")]
        }
    }
}
