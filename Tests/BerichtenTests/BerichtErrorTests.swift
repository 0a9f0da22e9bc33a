import Berichten
import Foundation
import TestSupport
import Testing

@Suite("What the decoder refuses, and how it says so")
struct BerichtErrorTests {
    private func fout(_ tekst: String) throws -> BerichtError { try #require(Voorbeeld.fout(tekst)) }

    private func jw301(_ oud: String, _ nieuw: String) throws -> BerichtError {
        try fout(Voorbeeld.vervang(try Voorbeeld.tekst("JW301"), oud, nieuw))
    }

    @Test func empty() throws {
        let fout = try #require(Voorbeeld.fout([UInt8]()))
        #expect(fout == BerichtError(.empty, "the message is empty"))
        #expect(fout.description == "the message is empty")
    }

    @Test func notXML() throws {
        let fout = try fout("dit is geen XML")
        #expect(fout.kind == .notWellFormed)
        #expect(fout.line == 1)
        #expect(fout.description == "not well-formed XML at line 1: Start tag expected, '<' not found")
    }

    @Test func notWellFormedHasTheLine() throws {
        let tekst = try Voorbeeld.tekst("JW301")
        let fout = try fout(Voorbeeld.vervang(tekst, "</jw301:Bsn>", "</jw301:Bs>"))
        #expect(fout.kind == .notWellFormed)
        #expect(fout.line == 19)
        #expect(fout.description.hasPrefix("not well-formed XML at line 19: "))
    }

    @Test func rootIsNotBericht() throws {
        let fout = try fout("<Toewijzing xmlns=\"http://www.istandaarden.nl/ijw/3_2/jw301/schema\"/>")
        #expect(fout == BerichtError(.notAnIStandaardenMessage, "root element is not Bericht", line: 1))
    }

    @Test func unknownNamespace() throws {
        #expect(try fout("<Bericht xmlns=\"urn:iets-anders\"/>").description == "Bericht is not in an iStandaarden namespace")
        #expect(try fout("<Bericht/>").description == "Bericht is not in a namespace")
        #expect(
            try fout("<Bericht xmlns=\"http://www.istandaarden.nl/ijw/3_2/jw399/schema\"/>").description
                == "Bericht's namespace names no iJw 3.2 message")
    }

    @Test("an unknown release is named", arguments: ["2_3", "3_3"])
    func unknownRelease(release: String) throws {
        let fout = try fout(Voorbeeld.alsRelease(try Voorbeeld.tekst("JW301"), release, subversie: 2))
        #expect(fout.kind == .unknownRelease)
        let naam = release.replacingOccurrences(of: "_", with: ".")
        #expect(fout.description == "unknown release \(naam) (supported: 3.0, 3.1, 3.2)")
    }

    @Test func berichtCodeMustMatchTheNamespace() throws {
        let fout = try jw301("<jw301:BerichtCode>436<", "<jw301:BerichtCode>437<")
        #expect(fout.kind == .berichtCodeMismatch)
        #expect(fout.description == "Header/BerichtCode: BerichtCode 437 does not match the namespace's JW301 (436)")
    }

    @Test func subversieMustMatchTheNamespace() throws {
        let fout = try jw301("<jw301:BerichtSubversie>2<", "<jw301:BerichtSubversie>1<")
        #expect(fout.kind == .versionMismatch)
        #expect(fout.description == "Header/BerichtSubversie: BerichtVersie 3.1 does not match the namespace's release 3.2")
    }

    @Test func missingRequiredElement() throws {
        let fout = try jw301("<jw301:Ingangsdatum>2026-02-09</jw301:Ingangsdatum>", "")
        #expect(fout.kind == .missingElement)
        #expect(fout.description == "Client/ToegewezenProducten/ToegewezenProduct[1]: missing required element Ingangsdatum")
    }

    @Test func missingRequiredElementAtTheEnd() throws {
        let tekst = Voorbeeld.eenRegel(try Voorbeeld.tekst("JW323"))
        let fout = try fout(
            Voorbeeld.vervang(tekst, "<ijw:DebetCredit>D</ijw:DebetCredit></jw323:IngediendBedrag>", "</jw323:IngediendBedrag>"))
        #expect(
            fout.description
                == "Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/IngediendBedrag: missing required element DebetCredit")
    }

    @Test func unexpectedElement() throws {
        let tekst = Voorbeeld.vervang(
            try Voorbeeld.tekst("JW318"), "<jw318:RedenVerzoek>1</jw318:RedenVerzoek>",
            "<jw318:RedenVerzoek>1</jw318:RedenVerzoek><jw318:RetourCode>0200</jw318:RetourCode>")
        let fout = try fout(tekst)
        #expect(fout.kind == .unexpectedElement)
        #expect(fout.description == "Client/Verzoek: unexpected element RetourCode")
        #expect(fout.line == 31)
    }

    /// Conformance: the published JW318 puts a RetourCode where the schema has none.
    @Test(.referentie) func unexpectedElementInThePublishedJW318() throws {
        let fout = try #require(Voorbeeld.fout(try SharedDomain.example("JW318")))
        #expect(fout.kind == .unexpectedElement)
        #expect(fout.description == "Client/Verzoek: unexpected element RetourCode")
        #expect(fout.line == 33)
    }

    @Test func secondOfASingleElement() throws {
        let fout = try jw301("<jw301:Bsn>999990019</jw301:Bsn>", "<jw301:Bsn>999990019</jw301:Bsn><jw301:Bsn>999990019</jw301:Bsn>")
        #expect(fout.description == "Client: unexpected second Bsn")
    }

    @Test func elementInTheWrongNamespace() throws {
        let fout = try jw301("<ijw:Volume>3</ijw:Volume>", "<jw301:Volume>3</jw301:Volume>")
        #expect(fout.kind == .wrongNamespace)
        #expect(fout.description == "Client/ToegewezenProducten/ToegewezenProduct[1]/Omvang: Volume is not in the basisschema namespace")
    }

    @Test func textWhereOnlyElementsBelong() throws {
        let fout = try jw301("<jw301:Omvang>", "<jw301:Omvang>tekst")
        #expect(fout.kind == .unexpectedText)
        #expect(fout.description == "Client/ToegewezenProducten/ToegewezenProduct[1]/Omvang: unexpected text")
    }

    @Test func attributesAreRefusedButXsiIsTolerated() throws {
        let metAttribuut = try jw301("<jw301:Client>", "<jw301:Client soort=\"x\">")
        #expect(metAttribuut.kind == .unexpectedAttribute)
        #expect(metAttribuut.description == "Client has unexpected attribute soort")
        let tekst = Voorbeeld.vervang(
            try Voorbeeld.tekst("JW301"), "<jw301:Bericht ",
            "<jw301:Bericht xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"x JW301.xsd\" ")
        #expect(try Voorbeeld.decode(tekst: tekst) == (try Voorbeeld.decode("JW301")))
    }

    @Test func badCode() throws {
        let tekst = try Voorbeeld.tekst("JW301")
        let tweede = try #require(tekst.range(of: "<ijw:Eenheid>16</ijw:Eenheid>"))
        let fout = try fout(tekst.replacingCharacters(in: tweede, with: "<ijw:Eenheid>05</ijw:Eenheid>"))
        #expect(fout.kind == .invalidCode)
        #expect(fout.description == "Client/ToegewezenProducten/ToegewezenProduct[2]/Omvang/Eenheid: '05' is not a valid Eenheid (WJ756)")
    }

    @Test func productCategorieFollowsTheStandard() throws {
        let iWmo = Voorbeeld.alsIWmo(try Voorbeeld.tekst("JW301"), "JW301").replacingOccurrences(of: "Categorie>02<", with: "Categorie>45<")
        #expect(
            try fout(iWmo).description
                == "Client/ToegewezenProducten/ToegewezenProduct[1]/Product/Categorie: '45' is not a valid ProductCategorie (WMO020)")
    }

    @Test func badDate() throws {
        let fout = try fout(
            Voorbeeld.vervang(try Voorbeeld.tekst("JW315"), ">2026-06-28</jw315:ToewijzingEinddatum>", ">2026-06-31</jw315:ToewijzingEinddatum>"))
        #expect(fout.kind == .invalidDate)
        #expect(
            fout.description
                == "Client/AangevraagdeProducten/AangevraagdProduct[1]/ToewijzingEinddatum: '2026-06-31' is not a valid date (YYYY-MM-DD)")
    }

    /// Conformance: the published JW315 asks for a toewijzing until 31 June.
    @Test(.referentie) func badDateInThePublishedJW315() throws {
        let fout = try #require(Voorbeeld.fout(try SharedDomain.example("JW315")))
        #expect(fout.kind == .invalidDate)
        #expect(
            fout.description
                == "Client/AangevraagdeProducten/AangevraagdProduct[1]/ToewijzingEinddatum: '2027-06-31' is not a valid date (YYYY-MM-DD)")
    }

    @Test func badTime() throws {
        let fout = try jw301("<jw301:Toewijzingstijd>09:15:00<", "<jw301:Toewijzingstijd>25:00:00<")
        #expect(fout.kind == .invalidTime)
        #expect(fout.description.hasSuffix("ToegewezenProduct[1]/Toewijzingstijd: '25:00:00' is not a valid time (HH:MM:SS)"))
    }

    @Test func badNumber() throws {
        let fout = try jw301("<jw301:ToewijzingNummer>7100041<", "<jw301:ToewijzingNummer>710004x<")
        #expect(fout.kind == .invalidNumber)
        #expect(
            fout.description
                == "Client/ToegewezenProducten/ToegewezenProduct[1]/ToewijzingNummer: is not a whole number from 0 to 999999999")
    }

    @Test func badBsnIsNotEchoed() throws {
        let fout = try jw301("<jw301:Bsn>999990019<", "<jw301:Bsn>99999001<")
        #expect(fout.description == "Client/Bsn: is not a 9-digit BSN")
        #expect(!fout.description.contains("9999"))
    }

    @Test func longBadCodesAreNotEchoed() throws {
        let fout = try jw301("<ijw:Eenheid>04<", "<ijw:Eenheid>Jansen<")
        #expect(fout.description == "Client/ToegewezenProducten/ToegewezenProduct[1]/Omvang/Eenheid: is not a valid Eenheid (WJ756)")
    }

    @Test func entityBombIsRefused() throws {
        let bom = """
            <?xml version="1.0"?>
            <!DOCTYPE Bericht [
              <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
              <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
              <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
            ]>
            <Bericht xmlns="http://www.istandaarden.nl/ijw/3_2/jw301/schema"><Header>&e;&e;&e;&e;</Header></Bericht>
            """
        let fout = try fout(bom)
        #expect(fout.kind == .forbiddenDeclaration)
        #expect(fout.description == "DOCTYPE declarations are refused (no DTDs or entities in iStandaarden messages)")
    }

    @Test func externalEntityIsRefused() throws {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
            <Bericht xmlns="http://www.istandaarden.nl/ijw/3_2/jw301/schema"><Header>&e;</Header></Bericht>
            """
        #expect(try fout(xxe).kind == .forbiddenDeclaration)
        #expect(try fout("<!DOCTYPE Bericht SYSTEM \"http://example.com/x.dtd\"><Bericht/>").kind == .forbiddenDeclaration)
    }

    @Test func undeclaredEntityIsNotWellFormed() throws {
        let fout = try jw301("<jw301:Commentaar>Begeleiding thuis en op school<", "<jw301:Commentaar>&onbekend;<")
        #expect(fout.kind == .notWellFormed)
        #expect(fout.description.contains("onbekend"))
    }

    @Test func oversizedInputIsRefusedBeforeParsing() throws {
        let groot = [UInt8](repeating: UInt8(ascii: "<"), count: 26 * 1024 * 1024)
        let begin = ContinuousClock.now
        let fout = try #require(Voorbeeld.fout(groot))
        #expect(ContinuousClock.now - begin < .milliseconds(50))
        #expect(fout.kind == .tooLarge)
        #expect(fout.description == "the message is 27262976 bytes, more than the 25000000 allowed (OP179)")
    }
}
