import ArgumentParser
import Berichten
import Projection
import Reconciliatie

struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Findings of prestaties against toewijzingen, deliveries, contract tariffs and deadlines.",
        discussion: """
            Every finding names its rule (TR338, OP090, …), its ernst (fout: the standard would reject it; signaal: \
            advice), a one-line toelichting and the log positions of the messages involved; bedrag is the amount at \
            stake in eurocent. Deadlines count werkdagen (no weekends, no Dutch public holidays; see the README) up \
            to --peildatum.

            Findings are evaluated under the rule set and contract in force, the latest recorded with \
            `zorgledger regels gebruik` and `zorgledger contract load`; --regelset and --contract evaluate under \
            earlier ones, so any past reconciliation can be reproduced. --diff-regelset A..B and \
            --diff-contract P..Q show the findings that appear, disappear or change between two of them.

            Each finding about a prestatie carries the gemeente's own verdict from its 325 (gemeenteOordeel: \
            toegekend, afgewezen or open, and its RetourCodes). --vergelijk sets the two side by side per rule: \
            lines we find fout that the gemeente approved (money at risk), rejected too (agreement) or not yet \
            answered, and per RetourCode the lines it rejected where no rule of ours finds a fout (to dispute).

            Examples:
              zorgledger reconcile --gemeente 0384 --ernst fout --format csv
              zorgledger reconcile --diff-contract 1200..4711
              zorgledger reconcile --vergelijk --gemeente 0384 --aanbieder 42420001
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: ArgumentHelp("Only findings about this ToewijzingNummer.", valueName: "nummer"))
    var toewijzing: Int?

    @Option(help: ArgumentHelp("Only findings of this rule, e.g. TR418.", valueName: "code"))
    var regel: String?

    @Option(help: ArgumentHelp("Only findings of this ernst: fout or signaal.", valueName: "ernst"), transform: {
        guard let ernst = Ernst(rawValue: $0) else { throw ValidationError("--ernst must be fout or signaal") }
        return ernst
    })
    var ernst: Ernst?

    @Option(help: ArgumentHelp("Evaluate under this rule-set version (default: the one in force).", valueName: "versie"))
    var regelset: Int?

    @Option(help: ArgumentHelp(
        "Evaluate under the contract as it stood at this contract event (default: the latest).", valueName: "positie"))
    var contract: Int64?

    @Option(help: ArgumentHelp("Compare two rule-set versions, e.g. 1..2.", valueName: "A..B"))
    var diffRegelset: Bereik?

    @Option(help: ArgumentHelp("Compare two contract events by position, e.g. 120..4711.", valueName: "P..Q"))
    var diffContract: Bereik?

    @Flag(help: "Our fout findings beside the gemeente's verdicts in its 325s, per rule, with totals.")
    var vergelijk = false

    func validate() throws {
        if filters.status != nil { throw ValidationError("reconcile has no --status; use --regel or --ernst") }
        if diffRegelset != nil, diffContract != nil {
            throw ValidationError("give --diff-regelset or --diff-contract, not both")
        }
        if diffRegelset != nil, regelset != nil { throw ValidationError("--diff-regelset already names the versions") }
        if diffContract != nil, contract != nil { throw ValidationError("--diff-contract already names the contracts") }
        if vergelijk, diffRegelset != nil || diffContract != nil {
            throw ValidationError("give --vergelijk or a --diff option, not both")
        }
        if vergelijk, ernst == .signaal {
            throw ValidationError("--vergelijk compares rejections: only fout findings count, not --ernst signaal")
        }
    }

    func run() throws {
        let connection = try global.openProjections(filters.kennis.kennisstand)
        let filter = filters.filter(toewijzing: toewijzing)
        if diffRegelset != nil || diffContract != nil {
            let voor = try Reconciliatie.grondslag(
                regelset: diffRegelset.map { Int($0.van) } ?? regelset, contract: diffContract?.van ?? contract,
                in: connection)
            let na = try Reconciliatie.grondslag(
                regelset: diffRegelset.map { Int($0.tot) } ?? regelset, contract: diffContract?.tot ?? contract,
                in: connection)
            let verschillen = try Reconciliatie.verschillen(
                filter, regel: regel, ernst: ernst, voor: voor, na: na, in: connection)
            print(Self.tabel(verschillen, global.personalData).rendered(as: output.resolvedFormat), terminator: "")
            return
        }
        let grondslag = try Reconciliatie.grondslag(regelset: regelset, contract: contract, in: connection)
        if vergelijk {
            let rijen = try Reconciliatie.vergelijking(filter, regel: regel, grondslag: grondslag, in: connection)
            print(Self.tabel(rijen).rendered(as: output.resolvedFormat), terminator: "")
            return
        }
        let constateringen = try Reconciliatie.constateringen(
            filter, regel: regel, ernst: ernst, grondslag: grondslag, in: connection)
        print(Self.tabel(constateringen, global.personalData).rendered(as: output.resolvedFormat), terminator: "")
    }

    /// The columns of cli.md's `reconcile` shape, plus the amount at stake.
    static func tabel(_ constateringen: [Constatering], _ personal: PersonalData) -> ResultTable {
        var table = ResultTable(columns: kolommen + [.init("bedrag", nil, .summedAmount)] + oordeelKolommen)
        table.rows = constateringen.map { c in
            cellen(c, personal) + [.integer(c.bedrag.map(Int64.init))] + oordeelCellen(c)
        }
        return table
    }

    static func tabel(_ verschillen: [Verschil], _ personal: PersonalData) -> ResultTable {
        var table = ResultTable(columns: [.init("wijziging")] + kolommen + [
            .init("toelichtingVoor", "was", inTable: false), .init("bedragVoor", "voor", .summedAmount),
            .init("bedragNa", "na", .summedAmount), .init("verschil", nil, .summedAmount),
        ] + oordeelKolommen)
        table.rows = verschillen.map { verschil in
            [.text(verschil.soort.rawValue)] + cellen(verschil.constatering, personal) + [
                .text(verschil.toelichtingVoor), .integer(verschil.bedragVoor.map(Int64.init)),
                .integer(verschil.bedragNa.map(Int64.init)), .integer(Int64(verschil.verschil)),
            ] + oordeelCellen(verschil.constatering)
        }
        return table
    }

    private static let kolommen: [ResultTable.Column] = [
        .init("standaard"), .init("gemeente"), .init("aanbieder"), .init("regel"), .init("ernst"),
        .init("toelichting"), .init("bsn"), .init("toewijzingNummer", "toewijzing", .integer),
        .init("declaratieNummer", "declaratie"), .init("referentieNummer", "referentie"),
        .init("posities", nil, .list),
    ]

    /// The gemeente's verdict beside ours (cli.md): null and [] for a finding not about a prestatie.
    private static let oordeelKolommen: [ResultTable.Column] = [
        .init("gemeenteOordeel", "oordeel gemeente"), .init("gemeenteRetourCodes", "retourcodes gemeente", .list),
    ]

    private static func oordeelCellen(_ c: Constatering) -> [ResultTable.Cell] {
        [.text(c.gemeenteOordeel?.rawValue), .list(c.gemeenteRetourCodes)]
    }

    private static func cellen(_ c: Constatering, _ personal: PersonalData) -> [ResultTable.Cell] {
        [
            .text(c.standaard), .text(c.gemeente), .text(c.aanbieder), .text(c.regel), .text(c.ernst.rawValue),
            .text(c.toelichting), .text(c.bsn.map(personal.bsn)), .integer(c.toewijzingNummer.map(Int64.init)),
            .text(c.declaratieNummer), .text(c.referentieNummer), .integers(c.posities),
        ]
    }
}
