import ArgumentParser
import Audit

/// `sleutel maak`: the Ed25519 key that signs checkpoints and audit bundles.
struct SleutelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sleutel",
        abstract: "Make the key that signs checkpoints and audit bundles.",
        discussion: """
            Example:
              zorgledger sleutel maak --naam gemeente-0518 --uit ~/.zorgledger/sleutel
            """,
        subcommands: [Maak.self])

    struct Maak: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "maak",
            abstract: "Write a new Ed25519 signing key (owner-only) and its verifier key (FILE.pub).",
            discussion: """
                The private key goes to FILE with mode 0600 and is never printed; an existing FILE is never \
                overwritten. FILE.pub holds the verifier key (NAME+KEYHASH+KEY, the C2SP signed-note form): \
                give it to auditors through another channel than the bundles, so that they can tell your \
                signatures from anyone else's.

                Example:
                  zorgledger sleutel maak --naam gemeente-0518 --uit ~/.zorgledger/sleutel
                """)

        @Option(help: ArgumentHelp("The key's name, shown in every signature (no '+' or spaces).", valueName: "naam"))
        var naam: String

        @Option(help: ArgumentHelp("Where to write the private key.", valueName: "bestand"))
        var uit: String

        func run() throws {
            let sleutel = try NoteSigningKey.generate(name: naam)
            try KeyFile.create(sleutel, at: uit)
            print("private key: \(uit) (mode 0600; keep it secret)")
            print("verifier key: \(uit).pub: \(sleutel.verifier.text)")
        }
    }
}
