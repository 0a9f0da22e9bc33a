import ArgumentParser
import Berichten
import Projection
import Query
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
            var rijen = output.writer(for: Verschil.self, global.personalData)
            rijen.write(all: verschillen)
            return
        }
        let grondslag = try Reconciliatie.grondslag(regelset: regelset, contract: contract, in: connection)
        if vergelijk {
            let rijen = try Reconciliatie.vergelijking(filter, regel: regel, grondslag: grondslag, in: connection)
            var uitvoer = output.writer(for: Vergelijking.self, global.personalData)
            uitvoer.write(all: rijen)
            return
        }
        let constateringen = try Reconciliatie.constateringen(
            filter, regel: regel, ernst: ernst, grondslag: grondslag, in: connection)
        var rijen = output.writer(for: Constatering.self, global.personalData)
        rijen.write(all: constateringen)
    }
}
