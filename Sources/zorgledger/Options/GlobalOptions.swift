import ArgumentParser
import Kenmerken
import Ledger
#if canImport(Glibc)
import Glibc
#endif

/// Options every command takes, before or after the command name.
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
    var ledgerPath: String {
        db ?? getenv("ZORGLEDGER_DB").map { String(cString: $0) } ?? "zorgledger.sqlite"
    }

    var schemaDirectory: String? {
        schemas ?? getenv("ZORGLEDGER_SCHEMAS").map { String(cString: $0) }
    }

    /// Opens the ledger for reading; it must exist.
    func openForReading() throws -> Ledger { try Ledger(path: ledgerPath, access: .read) }

    /// The options the contract lets people put before the command name.
    static let optionNames: Set<String> = ["--db", "--schemas"]
    /// The flags (no value) that may stand before the command name too.
    static let flagNames: Set<String> = ["--show-personal"]

    /// Moves `--db FILE`, `--schemas DIR` and `--show-personal` given before the command name to
    /// after it, where the command's own option group parses them.
    static func movedAfterCommand(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if flagNames.contains(argument) {
                leading.append(argument)
                index += 1
                continue
            }
            let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            guard optionNames.contains(name) else { break }
            if argument.contains("=") {
                leading.append(argument)
                index += 1
            } else {
                leading += arguments[index..<min(index + 2, arguments.count)]
                index += 2
            }
        }
        guard index < arguments.count, !leading.isEmpty else { return arguments }
        return [arguments[index]] + leading + arguments[(index + 1)...]
    }
}
