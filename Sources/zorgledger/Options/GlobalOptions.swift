import ArgumentParser
import Kenmerken
import Ledger
import Query
#if canImport(Glibc)
import Glibc
#endif

/// Options every command takes, before or after the command name: the root command declares them too, so
/// the parser takes them wherever they stand and hands the commands that declare them the same values.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The ledger file (default: $ZORGLEDGER_DB, else ./zorgledger.sqlite).", valueName: "file"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp(
        "Validate every message against the XSDs in this folder (default: $ZORGLEDGER_SCHEMAS).",
        valueName: "dir"))
    var schemas: String?

    @Flag(name: .long, help: "Show BSNs in full; by default only their last four digits are shown.")
    var showPersonal = false

    /// The ledger path from the option, the environment or the default, in that order.
    var ledgerPath: String { get throws { try ledgerPath(default: "zorgledger.sqlite") } }

    /// The ledger path from the option, the environment or `fallback` (the demo keeps its own file).
    /// - throws: ``UnsupportedLedgerURL`` for a PostgreSQL URL, which would otherwise be taken for a file name.
    func ledgerPath(default fallback: String) throws -> String {
        let path = db ?? getenv("ZORGLEDGER_DB").map { String(cString: $0) } ?? fallback
        guard !PasswordRedaction.isPostgresURL(path) else { throw UnsupportedLedgerURL(url: path) }
        return path
    }

    var schemaDirectory: String? {
        schemas ?? getenv("ZORGLEDGER_SCHEMAS").map { String(cString: $0) }
    }

    /// Opens the ledger for reading; it must exist.
    func openForReading() throws -> Ledger { try Ledger(path: ledgerPath, access: .read) }
}

extension GlobalOptions {
    /// How this invocation shows personal data.
    var personalData: PersonalData { PersonalData(show: showPersonal) }
}

/// A PostgreSQL URL given as the ledger: the log lives in an SQLite file only, for now.
struct UnsupportedLedgerURL: Error, CustomStringConvertible {
    var url: String
    var description: String {
        "\(PasswordRedaction.redacted(url)): this zorgledger keeps its log in an SQLite file only; "
            + "a log on PostgreSQL is not supported yet"
    }
}
