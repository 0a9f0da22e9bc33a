import ArgumentParser
import Kenmerken
import Ledger
import PostgresLog
import Query
#if canImport(Glibc)
import Glibc
#endif

/// Options every command takes, before or after the command name: the root command declares them too, so
/// the parser takes them wherever they stand and hands the commands that declare them the same values.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The ledger: an SQLite file, or a log on PostgreSQL as postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME "
            + "(default: $ZORGLEDGER_DB, else ./zorgledger.sqlite).", valueName: "file|url"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp(
        "With a log on PostgreSQL: the local SQLite read model that read commands bring up to date and answer "
            + "from (default: $ZORGLEDGER_PROJECTIONS).", valueName: "file"))
    var projections: String?

    @Option(name: .long, help: ArgumentHelp(
        "Validate every message against the XSDs in this folder (default: $ZORGLEDGER_SCHEMAS).",
        valueName: "dir"))
    var schemas: String?

    @Flag(name: .long, help: "Show BSNs in full; by default only their last four digits are shown.")
    var showPersonal = false

    /// The ledger from the option, the environment or the default, in that order.
    var location: LedgerLocation {
        get throws { try LedgerLocation(ledger(default: "zorgledger.sqlite")) }
    }

    /// The ledger named by the option, else the environment, else `fallback`.
    private func ledger(default fallback: String) -> String {
        db ?? getenv("ZORGLEDGER_DB").map { String(cString: $0) } ?? fallback
    }

    /// The read model's file, from the option or the environment.
    var readModelPath: String? {
        projections ?? getenv("ZORGLEDGER_PROJECTIONS").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The ledger file of a command that works on an SQLite file only, from the option, the
    /// environment or `fallback` (the demo keeps its own file).
    /// - throws: ``SQLiteOnly`` for a PostgreSQL URL, which would otherwise be taken for a file name.
    func ledgerPath(default fallback: String, command: String) throws -> String {
        let path = ledger(default: fallback)
        guard !PostgresURL.isPostgres(path) else { throw SQLiteOnly(url: path, command: command) }
        return path
    }

    var schemaDirectory: String? {
        schemas ?? getenv("ZORGLEDGER_SCHEMAS").map { String(cString: $0) }
    }
}

extension GlobalOptions {
    /// How this invocation shows personal data.
    var personalData: PersonalData { PersonalData(show: showPersonal) }
}

/// A PostgreSQL URL given to a command that makes or reads an SQLite file of its own.
struct SQLiteOnly: Error, CustomStringConvertible {
    var url: String
    var command: String
    var description: String {
        "\(PasswordRedaction.redacted(url)): `zorgledger \(command)` keeps its ledger in an SQLite file; give --db FILE"
    }
}
