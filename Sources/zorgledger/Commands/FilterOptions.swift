import ArgumentParser
import Berichten
import Projection
#if canImport(Glibc)
import Glibc
import Query
#endif

/// The filters every projection command takes; `--toewijzing`, `--van` and `--tot` are
/// declared by the commands whose rows they apply to.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only this gemeente (4-digit CBS code).", valueName: "code"))
    var gemeente: String?

    @Option(help: ArgumentHelp("Only this aanbieder (8-digit AGB code).", valueName: "agb"))
    var aanbieder: String?

    @Option(help: ArgumentHelp("Only this client.", valueName: "bsn"))
    var bsn: String?

    @Option(help: ArgumentHelp("Only rows with this status.", valueName: "status"))
    var status: String?

    @Option(help: ArgumentHelp(
        "Reference date for date-dependent statuses, YYYY-MM-DD (default: today).", valueName: "datum"),
        transform: Datum.argument)
    var peildatum: Datum?

    @OptionGroup var kennis: KennisOptions

    /// Refuses a `--status` the command's rows never have, so a typo does not look like "no rows".
    func validate<Status: RowStatus>(statuses _: Status.Type) throws {
        if let status, Status(rawValue: status) == nil {
            throw ValidationError("--status must be one of: \(Status.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func filter(toewijzing: Int? = nil, van: Datum? = nil, tot: Datum? = nil) -> Filter {
        Filter(
            gemeente: gemeente, aanbieder: aanbieder, bsn: bsn, toewijzing: toewijzing, status: status, van: van,
            tot: tot, peildatum: peildatum ?? .vandaag)
    }
}

extension Datum {
    /// Parses a `YYYY-MM-DD` option value (`@Option(transform:)`).
    static func argument(_ text: String) throws -> Datum {
        guard let datum = Datum(text) else { throw ValidationError("'\(text)' is not a date in the form YYYY-MM-DD") }
        return datum
    }

    /// Today in local time: "current" is what the user's calendar says.
    static var vandaag: Datum {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return Datum(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }
}
