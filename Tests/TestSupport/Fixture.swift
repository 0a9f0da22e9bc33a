public import Foundation

/// The project's own messages, one of each iJw 3.2 type, in `Tests/Fixtures/ijw-3.2`: hand-written,
/// XSD-valid and free of business-rule findings, and linked as one traject (gemeente 0518, aanbieder
/// 24240007, client 999990019: VOT 315/316, toewijzing 301/302, start and stop 305–308, VOW 317/318
/// answered by 319/320, declaratie 323/325). Tests that need a real message start here, so a clone
/// runs its suite without the reference material.
public enum Fixture {
    public static let folder = Zorgledger.package.appendingPathComponent("Tests/Fixtures/ijw-3.2")

    /// Every fixture, in message-number order.
    public static let namen = [
        "JW301", "JW302", "JW305", "JW306", "JW307", "JW308", "JW315", "JW316", "JW317", "JW318", "JW319",
        "JW320", "JW323", "JW325",
    ]

    /// The path of fixture `naam` (e.g. `"JW301"`).
    public static func path(_ naam: String) -> String { folder.appendingPathComponent("\(naam).xml").path }

    public static func bytes(_ naam: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path(naam))))
    }

    /// The fixture as text, or "" when it cannot be read (a test that needs it then fails on its
    /// content rather than on a throw in a static initialiser).
    public static func tekst(_ naam: String) -> String {
        (try? String(contentsOfFile: path(naam), encoding: .utf8)) ?? ""
    }
}
