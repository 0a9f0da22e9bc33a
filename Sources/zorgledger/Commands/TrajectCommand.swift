import ArgumentParser
import Berichten
import Projection
import Query

struct TrajectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "traject",
        abstract: "The timeline of everything that happened to one client or one toewijzing.",
        discussion: """
            Every message about the client (--bsn) or the toewijzing (--toewijzing, optionally --gemeente) in \
            business order: by dagtekening (a retour by its own DagtekeningRetour), then the step in the process \
            (request, answer, toewijzing, start, stop, declaratie; a retour right after its heenbericht), then \
            the Toewijzingstijd. Each message is said in words, with its retour state (verzonden, geaccepteerd, \
            afgewezen with the codes, or retour) and, in JSON, its lines about the subject with the state each \
            led to at the peildatum. The table ends with the current toewijzingen, zorg, declaraties and verzoeken. \
            A toewijzing's timeline includes the requests it honours and the answers to them. Each toewijzing \
            version says which version it replaced and, in JSON, when it became known (bekendSinds: the dagtekening \
            of the first 301 that carried it, at positie). --bekend-op and --tot-positie show the timeline as it \
            was known then.

            Examples:
              zorgledger traject --bsn 999900006
              zorgledger traject --toewijzing 300201 --gemeente 0363 --format json
              zorgledger traject --bsn 999900006 --bekend-op 2025-03-31 --peildatum 2025-03-31
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @OptionGroup var subject: OnderwerpOptions

    @Option(
        help: ArgumentHelp(
            "Reference date for the states, YYYY-MM-DD (default: today).", valueName: "datum"),
        transform: Datum.argument)
    var peildatum: Datum?

    @OptionGroup var kennis: KennisOptions

    func run() throws {
        let peildatum = peildatum ?? .vandaag
        let traject = try Traject(
            subject.onderwerp, peildatum: peildatum, ledger: global.openForReading(), connection: global.openProjections(kennis.kennisstand))
        let personal = global.personalData
        var regels = output.writer(for: TrajectRegel.self, personal)
        guard output.resolvedFormat == .table else {
            regels.write(all: traject.regels)
            return
        }
        let titel =
            switch subject.onderwerp {
            case .client(let bsn): "cliënt \(personal.bsn(bsn))"
            case .toewijzing(let nummer, let gemeente):
                "toewijzing \(nummer)" + (gemeente.map { " van gemeente \($0)" } ?? "")
            }
        print("Traject van \(titel)\n")
        regels.write(all: traject.regels)
        print()
        print(traject.stand.tabellen(peildatum: peildatum, personal: personal), terminator: "")
    }
}
