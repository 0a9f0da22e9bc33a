public import Berichten
import Declaraties
import Toewijzingen
import Verzoeken
import Zorg

extension TrajectStand {
    /// What the timeline led to, for people: short tables of the current toewijzingen, delivery
    /// periods, declaraties per status and requests. Sections without rows are left out.
    public func tabellen(peildatum: Datum, personal: PersonalData) -> String {
        var out = "Stand op \(peildatum)\n"
        if !toewijzingen.isEmpty {
            var table = ResultTable(columns: [
                .init("gemeente"), .init("toewijzing", nil, .integer), .init("bsn"), .init("product"),
                .init("periode"), .init("omvang"), .init("status"),
            ])
            table.rows = toewijzingen.map { rij in
                [
                    .text(rij.gemeente), .integer(Int64(rij.toewijzingNummer)), .text(personal.bsn(rij.bsn)),
                    .text(rij.productCode ?? rij.productCategorie),
                    .text(Self.periode(rij.ingangsdatum, rij.einddatum)),
                    .text(Self.omvang(rij)), .text(rij.status),
                ]
            }
            out += "\ntoewijzingen\n" + table.rendered(as: .table)
        }
        if !zorg.isEmpty {
            var table = ResultTable(columns: [
                .init("toewijzing", nil, .integer), .init("product"), .init("periode"), .init("status"),
            ])
            table.rows = zorg.map { rij in
                [
                    .integer(rij.toewijzingNummer.map(Int64.init)), .text(rij.productCode ?? rij.productCategorie),
                    .text(Self.periode(rij.begindatum, rij.einddatum)), .text(rij.status),
                ]
            }
            out += "\nzorg\n" + table.rendered(as: .table)
        }
        if !declaraties.isEmpty {
            var table = ResultTable(columns: [
                .init("status"), .init("prestaties", nil, .integer), .init("bedrag", nil, .summedAmount),
            ])
            let perStatus = Dictionary(grouping: declaraties, by: \.status)
            table.rows = perStatus.keys.sorted().map { status in
                let rijen = perStatus[status] ?? []
                return [
                    .text(status), .integer(Int64(rijen.count)), .integer(Int64(rijen.reduce(0) { $0 + $1.bedrag })),
                ]
            }
            out += "\ndeclaraties\n" + table.rendered(as: .table)
        }
        if !verzoeken.isEmpty {
            var table = ResultTable(columns: [
                .init("gemeente"), .init("referentie"), .init("soort"), .init("status"),
            ])
            table.rows = verzoeken.map { rij in
                [.text(rij.gemeente), .text(rij.referentieAanbieder), .text(rij.soort), .text(rij.status)]
            }
            out += "\nverzoeken\n" + table.rendered(as: .table)
        }
        return out
    }

    private static func periode(_ begin: String, _ eind: String?) -> String {
        eind.map { "\(begin) t/m \($0)" } ?? "vanaf \(begin)"
    }

    private static func omvang(_ rij: ToewijzingRij) -> String {
        if let budget = rij.budget { return "budget \(Woorden.bedrag(budget))" }
        guard let volume = rij.volume, let eenheid = rij.eenheid.flatMap(Eenheid.init(rawValue:)),
            let frequentie = rij.frequentie.flatMap(Frequentie.init(rawValue:))
        else { return "" }
        return Woorden.omvang(Omvang(volume: volume, eenheid: eenheid, frequentie: frequentie))
    }
}
