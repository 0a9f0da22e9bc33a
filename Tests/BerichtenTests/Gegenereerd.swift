import Berichten
import Generator
import Testing

/// One generated message of every type in both standards, taken from a small fixed scenario.
///
/// The scenario's first twelve clients follow scripted trajectories that together send every
/// message type in iWmo and iJw, so the first message of each kind is enough and stays stable.
enum Gegenereerd {
    struct Soort: Hashable, Comparable, CustomStringConvertible {
        var standaard: Standaard
        var berichttype: String

        var description: String { "\(standaard.rawValue) \(berichttype)" }

        static func < (lhs: Soort, rhs: Soort) -> Bool { lhs.description < rhs.description }
    }

    static let scenario = Scenario(clients: 24, months: 6, seed: 11)

    /// The first message of each kind, in a stable order.
    static let eerste: [(soort: Soort, bericht: GegenereerdBericht)] = {
        var gevonden: [Soort: GegenereerdBericht] = [:]
        for bericht in scenario where gevonden.count < 28 {
            let soort = Soort(standaard: bericht.standaard, berichttype: bericht.berichttype)
            if gevonden[soort] == nil { gevonden[soort] = bericht }
        }
        return gevonden.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }()

    static func bericht(_ standaard: Standaard, _ berichttype: String) throws -> GegenereerdBericht {
        try #require(eerste.first { $0.soort == Soort(standaard: standaard, berichttype: berichttype) }?.bericht)
    }
}
