internal import Berichten

extension Tijd {
    /// The time `seconden` after midnight: the generator draws decision moments as a number of
    /// seconds within office hours.
    init(seconden: Int) {
        // Callers draw from within one day, so the parts are always in range.
        self.init(hour: seconden / 3600, minute: seconden / 60 % 60, second: seconden % 60)!
    }
}
