public import Foundation
public import Testing

/// The published reference material: the iStandaarden XSDs and the iJw 3.2 example messages, in a
/// folder laid out like `shared/domain` (`xsd/ijw-3.2/…`, `examples/ijw-3.2/…`). It is not part of
/// the repository: `ZORGLEDGER_REFERENCE=DIR` names it, else `../shared/domain` beside the clone is
/// used. Tests that read it form the conformance suite and carry the ``Trait/referentie`` trait, so
/// without it they are reported as skipped instead of failing.
public enum SharedDomain {
    public static let root: URL = {
        if let folder = ProcessInfo.processInfo.environment["ZORGLEDGER_REFERENCE"], !folder.isEmpty {
            return URL(fileURLWithPath: folder)
        }
        return Zorgledger.package.deletingLastPathComponent().appendingPathComponent("shared/domain")
    }()

    /// The folder of the published example messages `JW301.xml` … `JW325.xml`.
    public static let examples = root.appendingPathComponent("examples/ijw-3.2")

    /// Whether the examples and the iJw 3.2 schemas are there.
    public static let isAvailable: Bool = FileManager.default.fileExists(atPath: xsd("ijw-3.2/JW301.xsd").path)
        && FileManager.default.fileExists(atPath: examples.appendingPathComponent("JW301.xml").path)

    /// The one line a skipped conformance test reports: what is missing and how to provide it.
    public static let missing =
        "reference material not found at \(root.path) (xsd/ijw-3.2, examples/ijw-3.2): "
        + "set ZORGLEDGER_REFERENCE=DIR to a folder laid out like shared/domain"

    /// The example `name` (e.g. `"JW301"`) as bytes.
    public static func example(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: examples.appendingPathComponent("\(name).xml")))
    }

    /// The schema file at `relative` below the XSD folder, e.g. `ijw-3.2/JW301.xsd`.
    public static func xsd(_ relative: String) -> URL { root.appendingPathComponent("xsd/\(relative)") }

    /// The XSD folder, for `--schemas`; nil when the schemas are not there.
    public static let xsdFolder: String? = isAvailable ? root.appendingPathComponent("xsd").path : nil
}

extension Trait where Self == ConditionTrait {
    /// Runs a conformance test only when the reference material is there; otherwise it is skipped
    /// with ``SharedDomain/missing``.
    public static var referentie: Self {
        .enabled(if: SharedDomain.isAvailable, Comment(rawValue: SharedDomain.missing))
    }
}
