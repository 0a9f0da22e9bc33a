public import Foundation

/// The shared reference material beside the repository (`../shared/domain`): the published
/// iJw 3.2 example messages and the XSDs. Read from disk rather than copied into the package, so
/// every test sees the one authoritative version.
public enum SharedDomain {
    public static let root = Zorgledger.package.deletingLastPathComponent().appendingPathComponent("shared/domain")

    /// The folder of the published example messages `JW301.xml` … `JW325.xml`.
    public static let examples = root.appendingPathComponent("examples/ijw-3.2")

    /// The example `name` (e.g. `"JW301"`) as bytes.
    public static func example(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: examples.appendingPathComponent("\(name).xml")))
    }

    /// The example `name` as text, or "" when it cannot be read (a test that needs it then fails on
    /// its content rather than on a throw in a static initialiser).
    public static func exampleText(_ name: String) -> String {
        (try? String(contentsOf: examples.appendingPathComponent("\(name).xml"), encoding: .utf8)) ?? ""
    }

    /// The schema file at `relative` below the XSD folder, e.g. `ijw-3.2/JW301.xsd`.
    public static func xsd(_ relative: String) -> URL { root.appendingPathComponent("xsd/\(relative)") }

    /// The XSD folder, for `--schemas`; nil when the shared schemas are not there.
    public static let xsdFolder: String? = {
        FileManager.default.fileExists(atPath: xsd("ijw-3.2/JW301.xsd").path)
            ? root.appendingPathComponent("xsd").path : nil
    }()
}
