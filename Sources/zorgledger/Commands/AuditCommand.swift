import ArgumentParser
import Audit
import Foundation
import Kenmerken
import Ledger
import Query

/// `audit`: bundles of evidence an auditor checks without the ledger.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Write an audit bundle of one client or toewijzing, or check one without any ledger.",
        discussion: """
            Examples:
              zorgledger audit --bsn 999990019 --sleutel ~/.zorgledger/sleutel --out bundel/
              zorgledger audit verify bundel/ --sleutel gemeente-0518.pub
            """,
        subcommands: [Maak.self, Verify.self],
        defaultSubcommand: Maak.self)

    struct Maak: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "maak",
            abstract: "Write the bundle of a client (--bsn) or a toewijzing (--toewijzing, --gemeente) (the default).",
            discussion: """
                The bundle holds the exact bytes of every message the ledger indexes under the BSN or the                 toewijzing and of every retour or 325 that answers one of them, a fresh signed checkpoint of                 the whole log (also kept in the ledger), the verifier key, an inclusion proof per message                 (manifest.json) and LEESMIJ.txt, which tells an auditor what the bundle proves and how to check                 it with or without zorgledger. Files are owner-only: the bundle holds personal data.

                Example:
                  zorgledger --db ledger.sqlite audit --toewijzing 7100041 --gemeente 0518 --sleutel sleutel --out bundel/
                """)

        @OptionGroup var global: GlobalOptions

        @OptionGroup var subject: OnderwerpOptions

        @Option(help: ArgumentHelp("The private key file of `sleutel maak` (mode 0600).", valueName: "bestand"))
        var sleutel: String

        @Option(help: ArgumentHelp("The bundle's folder; it must not exist or be empty.", valueName: "map"))
        var out: String

        func validate() throws {
            if subject.toewijzing != nil && subject.gemeente == nil {
                throw ValidationError("--toewijzing needs --gemeente: a bundle is of one gemeente's toewijzing")
            }
        }

        func run() throws {
            let key = try KeyFile.read(sleutel)
            let store = try global.openLog(.write)
            let proofs = try LogProofs(store: store)
            let onderwerp: String
            let posities: [Int64]
            switch subject.onderwerp {
            case .client(let bsn):
                onderwerp = "client \(global.personalData.bsn(bsn))"
                posities = try store.withAnswers(try store.positions(bsn: bsn))
            case .toewijzing(let nummer, let gemeente):
                onderwerp = "toewijzing \(nummer) van gemeente \(gemeente ?? "")"
                posities = try store.withAnswers(try store.positions(toewijzing: nummer, gemeente: gemeente))
            }
            guard !posities.isEmpty else { throw AuditFout.geenBerichten(onderwerp) }
            let checkpoint = try proofs.checkpoint(signedBy: key)
            let inhoud = try posities.map { positie in
                AuditBundle.Inhoud(
                    positie: positie, bytes: try store.event(at: positie).payload,
                    auditPath: try proofs.tree.inclusionProof(leaf: positie - 1, size: proofs.tree.size))
            }
            _ = try AuditBundle.write(
                to: URL(fileURLWithPath: out), checkpoint: checkpoint, verifier: key.verifier, berichten: inhoud,
                onderwerp: onderwerp)
            print("wrote \(out): \(inhoud.count) message(s) of \(onderwerp), checkpoint at tree size \(proofs.tree.size)")
        }

        enum AuditFout: Error, CustomStringConvertible {
            case geenBerichten(String)
            var description: String {
                switch self {
                case .geenBerichten(let onderwerp): "no message in the ledger concerns \(onderwerp)"
                }
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
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
