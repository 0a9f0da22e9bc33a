internal import Berichten

/// A 319 Antwoordbericht on one VOT product: 1 afgewezen (with a reason) or 2 in onderzoek.
struct Antwoord {
    var referentieAanbieder: String
    var verzoekAntwoord: VerzoekAntwoord
    var redenAfwijzing: RedenAfwijzingVerzoek?
    /// iJw only, present exactly when RedenAfwijzingVerzoek is 8 (TR377/TR409).
    var woonplaatsbeginsel: String?
}
