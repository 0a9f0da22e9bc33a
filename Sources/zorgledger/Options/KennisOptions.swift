import ArgumentParser
import Berichten
import Projection

/// Knowledge time, on every read command: answer from what was known on a day or at a position
/// of the log, instead of from the whole log. `--peildatum` stays the valid time.
struct KennisOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Answer as if only the messages made on or before this date had been exchanged (a retour by its own "
            + "DagtekeningRetour), YYYY-MM-DD.", valueName: "datum"),
        transform: Datum.argument)
    var bekendOp: Datum?

    @Option(help: ArgumentHelp("Answer from the log as it stood after this position.", valueName: "positie"))
    var totPositie: Int64?

    func validate() throws {
        if let totPositie, totPositie < 0 { throw ValidationError("--tot-positie must be 0 or more") }
    }

    var kennisstand: Kennisstand { Kennisstand(bekendOp: bekendOp, totPositie: totPositie) }
}
