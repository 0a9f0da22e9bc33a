import Foundation
import TestSupport
import Testing

/// A small ledger whose every answer can be counted by hand: two gemeenten, each with one aanbieder and
/// one client, ingested through the CLI. Positions follow the file names.
///
/// | pos | message | content |
/// |---|---|---|
/// | 1 | 301 T1, 0384 → 42420001, client 999900006 | toewijzing 1001 (45A03) and 1002 (45A04), 2025-03-01 – 2025-06-30, 4 uur a week |
/// | 2 | 302 on T1 | accepted |
/// | 3 | 301 T2, 0599 → 42420002, client 999900018 | toewijzing 2001 (45A03), same period |
/// | 4 | 302 on T2 | accepted |
/// | 5 | 323 D1 (DN1), April | RN1 1001 45A03 10 × 9850; RN2 1001 **45A04** 2 × 9850 (TR340); RN3 1002 45A04 2 × 9851 |
/// | 6 | 325 on D1 | all awarded |
/// | 7 | 323 D2 (DN2), March | RN1 2001 45A03 10 × 9850 |
/// | 8 | 325 on D2 | all awarded |
///
/// No 305 reports a start, so every prestatie is also an OP364 signaal.
struct TweeGemeenten {
    static let g1 = "0384", a1 = "42420001", b1 = "999900006"
    static let g2 = "0599", a2 = "42420002", b2 = "999900018"

    let work: WorkDirectory

    static let rn1 = Handwerk.Prestatie(referentie: "RN1", toewijzing: 1001, code: "45A03", volume: 10, tarief: 9850)
    static let rn2 = Handwerk.Prestatie(referentie: "RN2", toewijzing: 1001, code: "45A04", volume: 2, tarief: 9850)
    static let rn3 = Handwerk.Prestatie(referentie: "RN3", toewijzing: 1002, code: "45A04", volume: 2, tarief: 9851)
    static let maart = Handwerk.Prestatie(
        referentie: "RN1", toewijzing: 2001, code: "45A03", volume: 10, tarief: 9850, begin: "2025-03-01",
        eind: "2025-03-31")

    static var berichten: [[UInt8]] {
        [
            Handwerk.toewijzing(id: "T1", gemeente: g1, aanbieder: a1, bsn: b1, [
                .init(nummer: 1001, code: "45A03"), .init(nummer: 1002, code: "45A04"),
            ]),
            Handwerk.retour(id: "T1", gemeente: g1, aanbieder: a1),
            Handwerk.toewijzing(id: "T2", gemeente: g2, aanbieder: a2, bsn: b2, [.init(nummer: 2001, code: "45A03")]),
            Handwerk.retour(id: "T2", gemeente: g2, aanbieder: a2),
            Handwerk.declaratie(id: "D1", nummer: "DN1", gemeente: g1, aanbieder: a1, bsn: b1, [rn1, rn2, rn3]),
            Handwerk.antwoord(
                id: "A1", declaratie: "D1", nummer: "DN1", gemeente: g1, aanbieder: a1,
                totaal: rn1.bedrag + rn2.bedrag + rn3.bedrag),
            Handwerk.declaratie(
                id: "D2", nummer: "DN2", gemeente: g2, aanbieder: a2, bsn: b2, periode: ("2025-03-01", "2025-03-31"),
                [maart]),
            Handwerk.antwoord(id: "A2", declaratie: "D2", nummer: "DN2", gemeente: g2, aanbieder: a2, totaal: maart.bedrag),
        ]
    }

    /// The contract CSV header (7 columns: tarief per the prestatie's own Eenheid).
    static let contractKop = "gemeente,aanbieder,productcategorie,productcode,begindatum,einddatum,tarief\n"

    init() throws {
        work = try WorkDirectory()
        for (index, bericht) in Self.berichten.enumerated() { try work.write("in/\(index + 1).xml", bericht) }
        let ingest = try work.run(["--db", work.ledger, "ingest", "in"])
        // Nothing flagged: every message decoded in full.
        try #require(ingest.status == 0 && ingest.output == "appended 8, duplicate 0, rejected 0\n", "\(ingest.output)")
    }

    /// Runs zorgledger on this ledger.
    func run(_ arguments: [String]) throws -> Child.Exit { try work.run(["--db", work.ledger] + arguments) }

    /// The rows of `arguments --format json`, which must succeed.
    func rows(_ arguments: [String]) throws -> [[String: JSONValue]] {
        let exit = try run(arguments + ["--format", "json", "--show-personal"])
        try #require(exit.status == 0, "\(arguments): \(exit.stderr)")
        return try #require(try JSONValue.parse(exit.output).rows, "\(arguments): no array of objects")
    }

    /// Records a contract of these CSV lines; returns its log position.
    func contract(_ naam: String, _ regels: [String]) throws -> Int {
        try work.write(naam, Array((Self.contractKop + regels.joined(separator: "\n") + "\n").utf8))
        let load = try run(["contract", "load", naam])
        try #require(load.status == 0, "\(load.stderr)")
        let positie = load.output.split(separator: " ").dropFirst(4).first.flatMap { Int($0.dropLast()) }
        return try #require(positie, "\(load.output)")
    }
}

extension [String: JSONValue] {
    func text(_ key: String) -> String? { if case .string(let value) = self[key] { value } else { nil } }
    func integer(_ key: String) -> Int? { if case .integer(let value) = self[key] { Int(value) } else { nil } }
}
