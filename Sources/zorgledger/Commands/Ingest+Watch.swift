#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Ingest
import Ledger
import Projection
import Synchronization

extension Ingest {
    /// `ingest --watch DIR`: ingests each complete file that appears in DIR, batch by batch, until
    /// SIGINT or SIGTERM, which end it after the batch in flight with exit status 0. Every batch is
    /// its own transaction, so a `kill -9` loses nothing committed, and read commands see only whole
    /// batches of whole files; a re-run finds what it had already appended as duplicates.
    func watch(_ watch: FolderWatch, _ ingester: Ingester, log: any AuditedStore) throws {
        let folder = watch.folder
        // Read commands work from the start, before the first file arrives.
        try global.catchUpProjections(of: log)
        WatchSignal.install()
        let stopping = { WatchSignal.received.load(ordering: .relaxed) }
        let status = isatty(STDERR_FILENO) == 1
        if status {
            Terminal.printError("watching \(folder) (\(watch.usesInotify ? "inotify" : "polling")); Ctrl-C ends")
        }
        while !stopping() {
            let files = watch.next(stopping: stopping)
            var start = files.startIndex
            // One batch at a time, so a signal ends the watch after the batch in flight.
            while start < files.endIndex && !stopping() {
                let end = min(start + batching.size(logHolding: try log.headPosition()), files.endIndex)
                let sources: IngestSources
                do {
                    sources = try IngestSource.expand(Array(files[start..<end]))
                } catch {
                    // A file went away between the look and the batch; the next look sees the rest.
                    Terminal.printError("skipped: \(error.description)")
                    start = end
                    continue
                }
                let report = try ingester.ingest(sources, total: sources.count)
                show(report)
                try global.catchUpProjections(of: log)
                // A report per batch as it happens, also into a file or a pipe.
                fflush(nil)
                start = end
            }
        }
        if status { Terminal.printError("watch ended") }
    }
}

/// SIGINT and SIGTERM only set a flag: the watch checks it between batches, and the signal wakes
/// its wait.
enum WatchSignal {
    static let received = Atomic<Bool>(false)

    static func install() {
        // A parent may have started us with them blocked; they would then never arrive.
        var signals = sigset_t()
        sigemptyset(&signals)
        for number in [SIGINT, SIGTERM] {
            sigaddset(&signals, number)
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { _ in WatchSignal.received.store(true, ordering: .relaxed) }
            #else
            action.__sigaction_u.__sa_handler = { _ in WatchSignal.received.store(true, ordering: .relaxed) }
            #endif
            sigemptyset(&action.sa_mask)
            // No SA_RESTART: the watch's poll returns at once.
            action.sa_flags = 0
            sigaction(number, &action, nil)
        }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }
}
