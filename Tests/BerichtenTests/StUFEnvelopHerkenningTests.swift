import Berichten
import Testing

@Suite("Telling a GGK envelope from a plain message by its first KiB")
struct StUFEnvelopHerkenningTests {
    private static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func theRootNameInTheFirstKiBLooksLikeAnEnvelop() {
        #expect(StUFEnvelop.looksLikeEnvelop(Self.bytes("<ZKN:envelopHeenbericht-ggk_Di01 xmlns:ZKN=\"x\">")))
        #expect(StUFEnvelop.looksLikeEnvelop(Self.bytes("-ggk_D")))
        // Dashes before it that do not start the name do not hide it.
        #expect(StUFEnvelop.looksLikeEnvelop(Self.bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>--ggk-<a-ggk_Du01/>")))
        // Ending exactly at the 1,024th byte still counts.
        #expect(StUFEnvelop.looksLikeEnvelop(Self.bytes(String(repeating: " ", count: 1018) + "-ggk_D")))
    }

    @Test func aPlainMessageOrANameTooLateDoesNot() {
        #expect(!StUFEnvelop.looksLikeEnvelop([]))
        #expect(!StUFEnvelop.looksLikeEnvelop(Self.bytes("<iJw301:Bericht xmlns:iJw301=\"http://www.istandaarden.nl/ijw/3_2/jw301/schema\">")))
        #expect(!StUFEnvelop.looksLikeEnvelop(Self.bytes("<a>-ggk_</a>-ggk-D-ggk_d")))
        // One byte past the first KiB is too late.
        #expect(!StUFEnvelop.looksLikeEnvelop(Self.bytes(String(repeating: " ", count: 1019) + "-ggk_D")))
        #expect(!StUFEnvelop.looksLikeEnvelop(Self.bytes(String(repeating: "-", count: 2000))))
        #expect(!StUFEnvelop.looksLikeEnvelop(Self.bytes("-ggk_")))
    }
}
