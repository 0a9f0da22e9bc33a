import ArgumentParser
import Query

/// Whose messages a command is about: one client (`--bsn`) or one toewijzing (`--toewijzing`, with
/// the `--gemeente` that numbered it). `traject` and `audit` take it.
struct OnderwerpOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The client, by BSN (9 digits).", valueName: "bsn"))
    var bsn: String?

    @Option(help: ArgumentHelp("The toewijzing, by ToewijzingNummer.", valueName: "nummer"))
    var toewijzing: Int?

    @Option(help: ArgumentHelp("With --toewijzing: the gemeente that numbered it (4-digit code).", valueName: "code"))
    var gemeente: String?

    func validate() throws {
        switch (bsn, toewijzing) {
        case (nil, nil): throw ValidationError("give --bsn or --toewijzing")
        case (.some, .some): throw ValidationError("give --bsn or --toewijzing, not both")
        case (let bsn?, nil):
            guard Self.digits(bsn, 9) else { throw ValidationError("--bsn must be 9 digits") }
            if gemeente != nil { throw ValidationError("--gemeente goes with --toewijzing") }
        case (nil, .some):
            if let gemeente, !Self.digits(gemeente, 4) { throw ValidationError("--gemeente must be a 4-digit code") }
        }
    }

    var onderwerp: Traject.Onderwerp {
        if let toewijzing { return .toewijzing(nummer: toewijzing, gemeente: gemeente) }
        return .client(bsn: bsn ?? "")
    }

    private static func digits(_ text: String, _ count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }
}
