import ArgumentParser
import Audit
import Kenmerken
import Ledger

/// `checkpoint`: a signed statement of the whole log (size and Merkle root), kept in the ledger.
struct CheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Print a signed checkpoint of the whole log, and keep it in the ledger.",
        discussion: """
            The checkpoint is a C2SP signed note: the origin (zorgledger/ and the ledger's own id), the number \
            of events and the Merkle root of the log (RFC 9162), signed with the Ed25519 key of `sleutel maak`. \
            Publish it or hand it to your auditors: any later checkpoint can be proven to extend it \
            (`bewijs --consistentie`), so the history it covers can no longer be rewritten or cut off unseen.

            Example:
              zorgledger --db ledger.sqlite checkpoint --sleutel ~/.zorgledger/sleutel > checkpoint-2026-12.txt
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The private key file of `sleutel maak` (mode 0600).", valueName: "bestand"))
    var sleutel: String

    func run() throws {
        let key = try KeyFile.read(sleutel)
        let proofs = try LogProofs(store: try global.openLog(.write))
        print(try proofs.checkpoint(signedBy: key).encoded, terminator: "")
    }
}
