import Berichten
import Foundation
import TestSupport
import Testing

/// Conformance: the validator with the published iJw 3.2 schemas, on the project's own messages and
/// on the published examples.
@Suite("XSD validation with the published iJw 3.2 schemas", .referentie)
struct XSDValidatorTests {
    private func validator(_ name: String) throws -> XSDValidator {
        try XSDValidator(path: SharedDomain.xsd("ijw-3.2/\(name).xsd").path)
    }

    @Test("every fixture is XSD-valid", arguments: Fixture.namen)
    func validFixture(name: String) throws {
        #expect(try validator(name).validate(try Fixture.bytes(name)) == [])
    }

    @Test("the valid examples pass", arguments: ["JW301", "JW302", "JW305", "JW323", "JW325"])
    func validExample(name: String) throws {
        #expect(try validator(name).validate(try SharedDomain.example(name)) == [])
    }

    @Test func invalidDateIsReported() throws {
        let findings = try validator("JW315").validate(try SharedDomain.example("JW315"))
        #expect(findings.contains { $0.message.contains("2027-06-31") })
    }

    @Test func elementOrderIsReported() throws {
        let findings = try validator("JW318").validate(try SharedDomain.example("JW318"))
        #expect(findings.contains { $0.message.contains("RetourCode") })
    }
}

@Suite("An XSD that cannot be used")
struct XSDValidatorErrorTests {
    @Test func missingSchemaIsATypedError() {
        #expect(throws: XSDValidatorError.schemaUnusable(path: "/nonexistent/JW301.xsd")) {
            try XSDValidator(path: "/nonexistent/JW301.xsd")
        }
    }
}
