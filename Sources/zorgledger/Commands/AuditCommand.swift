import ArgumentParser
import Audit
import Foundation

/// `audit`: bundles of evidence an auditor checks without the ledger.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check an audit bundle without any ledger.",
        discussion: """
            Example:
              zorgledger audit verify bundel/ --sleutel gemeente-0518.pub
            """,
        subcommands: [Verify.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check an audit bundle: signature, checkpoint, and every message's inclusion proof.",
            discussion: """
                Needs nothing but the folder: the checkpoint must be signed by the bundle's key (or by the key \
                given with --sleutel, which is how an auditor uses the key the ledger's owner gave them), the \
                manifest must describe that checkpoint, and every message's bytes must lead through its audit \
                path to the signed root (RFC 9162). Exits 0 when the bundle is sound, 3 with the first problem.

                Example:
                  zorgledger audit verify bundel/ --sleutel gemeente-0518.pub
                """)

        @Argument(help: ArgumentHelp("The bundle's folder.", valueName: "map"))
        var map: String

        @Option(help: ArgumentHelp("A verifier key file to trust instead of the bundle's own sleutel.pub.", valueName: "bestand"))
        var sleutel: String?

        func run() throws {
            let vertrouwd = try sleutel.map { path throws -> NoteVerifierKey in
                guard let tekst = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw ValidationError("cannot read the verifier key \(path)")
                }
                return try NoteVerifierKey(text: tekst)
            }
            do {
                let samenvatting = try AuditBundle.verify(URL(fileURLWithPath: map), trusting: vertrouwd)
                print("sound: \(samenvatting.berichten) message(s) in \(samenvatting.origin) at tree size "
                    + "\(samenvatting.treeSize), signed by \(samenvatting.sleutel)")
            } catch {
                Terminal.printError("audit verify: \(map): \(error)")
                throw ExitCode(3)
            }
        }
    }
}
