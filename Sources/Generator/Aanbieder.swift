internal import Berichten

/// A care provider, identified by its 8-digit AGB code. Each serves one standaard, so its
/// declaraties for a gemeente and month fit in one 323.
struct Aanbieder {
    var agb: String
    var standaard: Standaard

    /// `aantal` (even) providers, alternately iJw and iWmo, with distinct AGB codes: the index is
    /// spread over six digits by a multiplier coprime with 10⁶, so codes never collide, and the
    /// seed shifts them between scenarios.
    static func maak(aantal: Int, seed: UInt64) -> [Aanbieder] {
        let verschuiving = Int(Random.mix(seed) % 1_000_000)
        return (0..<aantal).map { index in
            let standaard: Standaard = index % 2 == 0 ? .iJw : .iWmo
            let prefix = standaard == .iJw ? 73 : 75
            let volgnummer = (index &* 7919 &+ verschuiving) % 1_000_000
            return Aanbieder(agb: Format.padded(prefix * 1_000_000 + volgnummer, width: 8), standaard: standaard)
        }
    }
}
