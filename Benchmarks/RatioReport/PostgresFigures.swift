import BenchmarkSupport
import Foundation

/// The log on PostgreSQL on this machine's loopback, beside the SQLite ledger of the same files in
/// the same run: `zorgledger ingest` by 1, 2 and 4 writers at once (each its own share of the
/// files), and a read model catching up the whole log against a local replay.
struct PostgresFigures {
    /// The URL of a role that may create databases (`.ci/postgres start DIR` prints one).
    let server: String
    let cli: String
    let scratch: String
    /// Measurements of each figure; the median is reported.
    let runs: Int

    struct Figures {
        /// Messages per second by number of writers.
        var ingest: [(writers: Int, rate: Double)] = []
        /// Events per second of a new read model catching up the whole log.
        var catchUp = 0.0
    }

    func measure(inbox: String, count: Int) throws -> Figures {
        var measured: [Figures] = []
        for _ in 1...runs { measured.append(try measureOnce(inbox: inbox, count: count)) }
        var figures = Figures()
        for (index, writers) in [1, 2, 4].enumerated() {
            figures.ingest.append((writers, median(measured.map { $0.ingest[index].rate })))
        }
        figures.catchUp = median(measured.map(\.catchUp))
        return figures
    }

    private func measureOnce(inbox: String, count: Int) throws -> Figures {
        var figures = Figures()
        let files = try FileManager.default.contentsOfDirectory(atPath: inbox).sorted()
        var last = ""
        for writers in [1, 2, 4] {
            let database = try freshDatabase("bench_\(writers)")
            let shares = try (0..<writers).map { writer in
                let folder = scratch + "/pg-\(writers)-\(writer)"
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                for (index, file) in files.enumerated() where index % writers == writer {
                    try FileManager.default.linkItem(atPath: inbox + "/" + file, toPath: folder + "/" + file)
                }
                return folder
            }
            let clock = Stopwatch()
            let running = try shares.map { share in try ChildProcess.start(cli, ["--db", database, "ingest", share]) }
            for writer in running {
                guard try writer.wait().status == 0 else { throw BenchmarkError("zorgledger ingest into PostgreSQL failed") }
            }
            figures.ingest.append((writers, Double(count) / clock.seconds))
            for share in shares { try? FileManager.default.removeItem(atPath: share) }
            last = database
        }
        let model = scratch + "/read-model.sqlite"
        let replay = try ChildProcess.run(cli, ["--db", last, "--projections", model, "replay"])
        guard replay.status == 0 else { throw BenchmarkError("zorgledger replay of a read model failed") }
        figures.catchUp = Double(count) / replay.seconds
        try? FileManager.default.removeItem(atPath: model)
        return figures
    }

    /// A new, empty database on the server; its URL.
    private func freshDatabase(_ name: String) throws -> String {
        let psql = ["/usr/bin/psql", "/usr/local/bin/psql"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let psql else { throw BenchmarkError("psql is missing: install postgresql-client") }
        for sql in ["DROP DATABASE IF EXISTS \(name)", "CREATE DATABASE \(name)"] {
            guard try ChildProcess.run(psql, ["-X", "-q", server, "-c", sql]).status == 0 else {
                throw BenchmarkError("psql could not run \(sql)")
            }
        }
        return server[..<server.lastIndex(of: "/")!] + "/" + name
    }
}
