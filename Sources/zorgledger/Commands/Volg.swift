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
            SIGTERM end it after the catch-up in flight, exit status 0. When the connection is lost (the \
            server restarts, a network fails) it says so in one line on stderr and connects again every \
            --interval seconds until the server answers, then catches up and goes on.

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
        WatchSignal.install()
        let stopping = { WatchSignal.received.load(ordering: .relaxed) }
        var following: Following? = try Following(global, url)
        var position = try following!.model.catchUp(.zorgledger)
        print("caught up: the read model reflects positions 1 to \(position)")
        var sinceLook = 0.0
        while !stopping() {
            guard let current = following else {
                // The connection was lost, and the read model closed with it: open both again.
                guard let again = try reconnect(url, until: stopping) else { return }
                following = again
                sinceLook = interval  // catch up at once
                continue
            }
            // Short waits, so a signal is seen within a quarter of a second.
            let notified = current.appended.wait(timeout: .now() + 0.25) == .success
            sinceLook += 0.25
            guard notified || sinceLook >= interval else { continue }
            sinceLook = 0
            while current.appended.wait(timeout: .now()) == .success {}
            guard let now = try catchUp(current) else {
                following = nil
                continue
            }
            if now != position { print("caught up: the read model reflects positions 1 to \(now)") }
            position = now
            fflush(nil)
        }
    }

    /// The log, its read model, and the notifications of its appends, on one connection.
    private struct Following {
        let model: ReadModel
        let appended: DispatchSemaphore

        init(_ global: GlobalOptions, _ url: PostgresURL) throws {
            guard let log = try global.openLog(.read) as? PostgresStore else {
                throw CommandFailure("\(url): not a log on PostgreSQL")
            }
            model = try global.readModel(of: url, following: log)
            let appended = DispatchSemaphore(value: 0)
            try log.onAppend { appended.signal() }
            self.appended = appended
        }
    }

    /// The position the read model reflects after catching up; nil when the connection was lost.
    private func catchUp(_ following: Following) throws -> Int64? {
        do {
            return try following.model.catchUp(.zorgledger)
        } catch {
            guard error.code == .disconnected else { throw error }
            Terminal.printError("volg: \(error.message); connecting again every \(interval) s")
            return nil
        }
    }

    /// A new connection once the server answers again; nil when a signal came first. Anything but
    /// an unreachable server (the read model refusing the log it finds, say) ends the command.
    private func reconnect(_ url: PostgresURL, until stopping: () -> Bool) throws -> Following? {
        var waited = interval
        while !stopping() {
            if waited >= interval {
                waited = 0
                do {
                    return try Following(global, url)
                } catch let error as LedgerError where error.code == .cannotOpen || error.code == .disconnected {}
            }
            usleep(250_000)
            waited += 0.25
        }
        return nil
    }
}
