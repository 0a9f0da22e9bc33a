import ArgumentParser
import Ledger
import Projection

struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Rebuild all projections from the log.",
        discussion: """
            Drops the projection tables, folds every event from position 1 and writes the checkpoints, all in \
            one transaction: readers keep seeing the previous projections until the new ones are complete. \
            Ingest catches the projections up by itself; replay is for a projection you distrust.

            Example:
              zorgledger --db ledger.sqlite replay
            """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let position = try global.replayProjections(of: try global.openLog(.write))
        print("replayed: projections reflect positions 1 to \(position)")
    }
}
