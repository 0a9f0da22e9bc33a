#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Dispatch
import Ledger
import PostgresLog
import Projection
import Synchronization

/// `volg`: keeps the read model of a log on PostgreSQL current while writers append, so reads
/// from it answer at once instead of catching up first.
struct Volg: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "volg",
        abstract: "Keep a read model of a log on PostgreSQL up to date until SIGINT or SIGTERM.",
        discussion: """
            Brings the read model (--projections FILE) up to the log's head, then again each time a writer \
            commits (every append notifies the log's channel, LISTEN/NOTIFY) and, should a notification be \
            lost, every --interval seconds. Prints one line each time the read model advances. SIGINT or \
            SIGTERM end it after the catch-up in flight, exit status 0; a lost connection ends it with one \
            line and exit status 1 (run it under a supervisor that restarts it).

            Example:
              zorgledger --db postgresql://lezer@db.example/zorg --projections zorg.sqlite volg
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Seconds between looks at the log when no notification arrives.")
    var interval: Double = 5

    func validate() throws {
        guard interval > 0 else { throw ValidationError("--interval must be more than 0 seconds") }
    }

    func run() throws {
        guard case .postgres(let url) = try global.location else {
            throw CommandFailure("volg follows a log on PostgreSQL; an SQLite ledger's projections are always current")
        }
        guard let log = try global.openLog(.read) as? PostgresStore else {
            throw CommandFailure("\(url): not a log on PostgreSQL")
        }
        let model = try global.readModel(of: url, following: log)
        let appended = DispatchSemaphore(value: 0)
        WatchSignal.install()
        try log.onAppend { appended.signal() }
        var position = try model.catchUp(.zorgledger)
        print("caught up: the read model reflects positions 1 to \(position)")
        let stopping = { WatchSignal.received.load(ordering: .relaxed) }
        var sinceLook = 0.0
        while !stopping() {
            // Short waits, so a signal is seen within a quarter of a second.
            let notified = appended.wait(timeout: .now() + 0.25) == .success
            sinceLook += 0.25
            guard notified || sinceLook >= interval else { continue }
            sinceLook = 0
            while appended.wait(timeout: .now()) == .success {}
            let now = try model.catchUp(.zorgledger)
            if now != position { print("caught up: the read model reflects positions 1 to \(now)") }
            position = now
            fflush(nil)
        }
    }
}
