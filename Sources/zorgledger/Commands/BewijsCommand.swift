import ArgumentParser
import Audit
import Kenmerken
import Ledger

/// `bewijs`: an inclusion proof for one event, or a consistency proof between two tree sizes.
struct BewijsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bewijs",
        abstract: "Prove that an event is in the log, or that a later log extends an earlier one.",
        discussion: """
            `bewijs POSITIE` gives the audit path of the event at POSITIE in the tree of the whole log (or of \
            its first N events with --grootte N): with the event's bytes and a checkpoint of that size, anyone \
            can recompute the root (RFC 9162 §2.1.3). `bewijs --consistentie OUD NIEUW` gives the hashes that \
            prove the log of NIEUW events contains the log of OUD events unchanged (§2.1.4). Hashes are lower-case hex.

            Examples:
              zorgledger bewijs 42 --grootte 1000
              zorgledger bewijs --consistentie 1000 2500
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The event's position in the log.", valueName: "positie"))
    var positie: Int64?

    @Option(help: ArgumentHelp("The tree size to prove against (default: the whole log).", valueName: "n"))
    var grootte: Int64?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Two tree sizes, OUD NIEUW.", valueName: "oud nieuw"))
    var consistentie: [Int64] = []

    func validate() throws {
        switch (positie, consistentie.isEmpty) {
        case (nil, true): throw ValidationError("give a POSITIE, or --consistentie OUD NIEUW")
        case (.some, false): throw ValidationError("give a POSITIE or --consistentie, not both")
        case (nil, false):
            guard consistentie.count == 2 else { throw ValidationError("--consistentie takes two tree sizes, OUD NIEUW") }
            if grootte != nil { throw ValidationError("--grootte goes with a POSITIE") }
        case (.some, true): break
        }
    }

    /// One JSON object in the contract's key order; the values are numbers and hex digests, which
    /// need no escaping.
    static func json(_ velden: [(String, String)]) -> String {
        "{\n" + velden.map { "  \"\($0.0)\": \($0.1)" }.joined(separator: ",\n") + "\n}"
    }

    static func json(_ hashes: [Digest]) -> String {
        hashes.isEmpty ? "[]" : "[\n" + hashes.map { "    \"\($0)\"" }.joined(separator: ",\n") + "\n  ]"
    }

    func run() throws {
        let store = try global.openLog(.read)
        let tree = try LogProofs(store: store).tree
        if let positie {
            let size = grootte ?? tree.size
            guard (1...tree.size).contains(size) else {
                throw ValidationError("--grootte \(size) is out of range: the log holds \(tree.size) events")
            }
            guard (1...size).contains(positie) else {
                throw ValidationError("position \(positie) is not in a tree of \(size) events")
            }
            let leaf = MerkleHash.leaf(ofEventWithContentHash: try store.event(at: positie).contentHash)
            print(Self.json([
                ("positie", "\(positie)"), ("leafIndex", "\(positie - 1)"), ("treeSize", "\(size)"),
                ("leafHash", "\"\(leaf)\""), ("auditPath", Self.json(try tree.inclusionProof(leaf: positie - 1, size: size))),
            ]))
        } else {
            let (oud, nieuw) = (consistentie[0], consistentie[1])
            guard oud >= 0, oud <= nieuw, nieuw <= tree.size else {
                throw ValidationError("--consistentie needs 0 <= OUD <= NIEUW <= \(tree.size), the events in the log")
            }
            print(Self.json([
                ("oud", "\(oud)"), ("nieuw", "\(nieuw)"), ("proof", Self.json(try tree.consistencyProof(from: oud, to: nieuw))),
            ]))
        }
    }
}
