internal import Berichten

/// A 323 for one aanbieder, gemeente and month, and what the 325 that answers it needs to know.
struct Declaratie {
    var aanbieder: Aanbieder
    var gemeente: Gemeente
    /// The DeclaratiePeriode: always one calendar month (CS340).
    var periode: Int
    var declaratieNummer: String
    var sleutel: UInt64
    var dagtekening: Datum
    var aankomst: Moment
    var antwoordDagtekening: Datum
    var antwoordAankomst: Moment
    var clienten: [(bsn: String, prestaties: [Prestatie])]
    var dubbel: Bool

    var standaard: Standaard { aanbieder.standaard }

    /// TotaalIngediendBedrag as a signed amount: Σ debet − Σ credit.
    var totaalIngediend: Int {
        clienten.reduce(0) { som, client in client.prestaties.reduce(som) { $0 + $1.saldo } }
    }

    /// TotaalToegekendBedrag: what remains after the rejected lines are taken out.
    var totaalToegekend: Int {
        clienten.reduce(0) { som, client in
            client.prestaties.reduce(som) { $0 + ($1.afwijzing == nil ? $1.saldo : 0) }
        }
    }

    var heeftAfwijzingen: Bool { clienten.contains { $0.prestaties.contains { $0.afwijzing != nil } } }
}
