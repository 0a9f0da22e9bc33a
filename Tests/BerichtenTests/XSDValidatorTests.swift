import Berichten
import Foundation
import Testing

@Suite("XSD validation with the shared iJw 3.2 schemas")
struct XSDValidatorTests {
    @Test("the valid examples pass", arguments: ["JW301", "JW302", "JW305", "JW323", "JW325"])
    func validExample(name: String) throws {
        let validator = try XSDValidator(path: SharedDomain.xsd("ijw-3.2/\(name).xsd"))
        #expect(validator.validate(try SharedDomain.example(name)) == [])
    }

    @Test func invalidDateIsReported() throws {
        let validator = try XSDValidator(path: SharedDomain.xsd("ijw-3.2/JW315.xsd"))
        let findings = validator.validate(try SharedDomain.example("JW315"))
        #expect(findings.contains { $0.message.contains("2027-06-31") })
    }

    @Test func elementOrderIsReported() throws {
        let validator = try XSDValidator(path: SharedDomain.xsd("ijw-3.2/JW318.xsd"))
        let findings = validator.validate(try SharedDomain.example("JW318"))
        #expect(findings.contains { $0.message.contains("RetourCode") })
    }

    @Test func missingSchemaIsATypedError() {
        #expect(throws: XSDValidatorError.schemaUnusable(path: "/nonexistent/JW301.xsd")) {
            try XSDValidator(path: "/nonexistent/JW301.xsd")
        }
    }
}

/// Paths into `../shared/domain`, found from this file so the tests need no resources.
enum SharedDomain {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/domain")

    static func xsd(_ relative: String) -> String { root.appendingPathComponent("xsd/\(relative)").path }

    static func example(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent("examples/ijw-3.2/\(name).xml")))
    }
}
