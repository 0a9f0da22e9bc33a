import Foundation
import TestSupport
import Testing

/// The log on PostgreSQL as intake machines and readers use it: several `ingest` processes at once
/// into one log, read models on other "machines" (files) that answer exactly as an SQLite ledger of
/// the same messages does, and every failure in one line.
@Suite("The CLI with a log on PostgreSQL", .postgres)
struct PostgresLogTests {
    /// Generated traffic, an SQLite ledger of it for comparison, and the read commands to compare.
    static let verkeer: Swift.Result<(WorkDirectory, Verkeer), any Error> = Swift.Result {
        let work = try WorkDirectory()
        let generate = try work.run(["generate", "--clients", "10", "--months", "6", "--seed", "8", "--out", "traffic"])
        guard generate.status == 0 else { throw HelperFailure("generate: \(generate.stderr)") }
        let ingest = try work.run(["--db", "ledger.sqlite", "ingest", "traffic"])
        guard ingest.status == 0 else { throw HelperFailure("ingest: \(ingest.stderr)") }
        return (work, try Verkeer(folder: work.path("traffic")))
    }

    static let leesopdrachten: [[String]] = [
        ["toewijzingen", "--format", "json"], ["declaraties", "--format", "csv"], ["declaraties", "--openstaand", "--format", "json"],
        ["zorg", "--format", "csv"], ["verzoeken", "--format", "json"], ["berichten", "--format", "csv"],
        ["reconcile", "--format", "json"], ["contract", "--format", "csv"],
    ]

    /// The last position the read model `file` records, once it reaches `position` or 30 seconds have passed.
    static func reflected(by file: String, in work: WorkDirectory, reaching position: Int) -> Int {
        func recorded() -> Int {
            Int((try? work.sqlite("SELECT position FROM read_model_log", on: work.path(file))) ?? "") ?? 0
        }
        let deadline = Date().addingTimeInterval(30)
        while recorded() < position && Date() < deadline { usleep(50_000) }
        return recorded()
    }

    @Test func concurrentIngestsAndTwoReadModelsAnswerAsTheSQLiteLedger() throws {
        let (work, verkeer) = try Self.verkeer.get()
        let url = try PostgresServer.freshDatabase()
        // Two writers, each with every file: all of it is sent twice, at the same moment.
        let writers = try (0..<2).map { _ in try work.start(["--db", url, "ingest", "--batch-size", "40", "traffic"]) }
        let exits = writers.map { $0.wait(timeout: 300) }
        for exit in exits { #expect(exit.status == 0, "\(exit.stderr)") }
        let counts = exits.map { $0.output.split(separator: ",").prefix(2).map { $0.split(separator: " ").last.map(String.init) ?? "" } }
        #expect(counts.compactMap { Int($0[0]) }.reduce(0, +) == verkeer.uniek, "\(counts)")
        // One client with requests, toewijzingen and declaraties: its lookups go through the read
        // model's copy of the log's BSN index.
        let bsn = try work.sqlite(
            """
            SELECT bsn FROM verzoeken_aanvragen WHERE bsn IN (SELECT bsn FROM declaraties_prestaties)
                AND bsn IN (SELECT bsn FROM toewijzingen_versies) LIMIT 1
            """, on: work.path("ledger.sqlite"))
        #expect(bsn.count == 9)
        let clientopdrachten = ["toewijzingen", "declaraties", "verzoeken", "zorg", "traject"].map {
            [$0, "--bsn", bsn, "--format", "json", "--show-personal"]
        }
        for model in ["een.sqlite", "twee.sqlite"] {
            for opdracht in Self.leesopdrachten + clientopdrachten {
                let sqlite = try work.run(["--db", "ledger.sqlite"] + opdracht)
                let postgres = try work.run(["--db", url, "--projections", model] + opdracht)
                #expect(postgres.status == 0, "\(opdracht): \(postgres.stderr)")
                #expect(postgres.stdout == sqlite.stdout, "\(opdracht) from \(model)")
                #expect(!sqlite.stdout.isEmpty)
            }
            let permissions = try FileManager.default.attributesOfItem(atPath: work.path(model))[.posixPermissions] as? Int
            #expect(permissions == 0o600)
        }
        let verify = try work.run(["--db", url, "--projections", "een.sqlite", "verify"])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.output.hasPrefix("ok: \(verkeer.uniek) events, hash chain intact"), "\(verify.output)")
        #expect(verify.output.contains("projections match a replay"))
        // The exact bytes of the files come back from the shared log.
        let files = Set(try verkeer.bestanden.map { try Data(contentsOf: URL(fileURLWithPath: $0)) })
        for positie in [1, verkeer.uniek / 2, verkeer.uniek] {
            let raw = try work.run(["--db", url, "--projections", "een.sqlite", "bericht", "\(positie)", "--raw"])
            #expect(raw.status == 0 && files.contains(Data(raw.stdout)), "positie \(positie): \(raw.stderr)")
        }
    }

    @Test func aKilledWriterLeavesWholeBatchesAndARerunCompletesTheCount() throws {
        let (work, verkeer) = try Self.verkeer.get()
        let url = try PostgresServer.freshDatabase()
        let writer = try work.start(["--db", url, "ingest", "--batch-size", "10", "traffic"])
        // Kill it once the log holds something, before it is done.
        let deadline = Date().addingTimeInterval(60)
        var seen = 0
        while Date() < deadline && writer.isRunning {
            seen = Int((try? PostgresServer.psql(url, "SELECT count(*) FROM events")) ?? "") ?? 0
            if seen > 0 { break }
            usleep(20_000)
        }
        writer.kill()
        _ = writer.wait()
        let kept = Int(try PostgresServer.psql(url, "SELECT count(*) FROM events")) ?? -1
        #expect(kept % 10 == 0 || kept == verkeer.uniek, "whole batches of 10 only: \(kept)")
        let rerun = try work.run(["--db", url, "ingest", "traffic"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.output.hasPrefix("appended \(verkeer.uniek - kept), duplicate \(verkeer.bestanden.count - verkeer.uniek + kept)"),
                "\(rerun.output)")
        #expect(try work.run(["--db", url, "verify"]).status == 0)
    }

    @Test func aReadModelFollowsOneLogAndSaysWhatIsMissing() throws {
        let (work, _) = try Self.verkeer.get()
        let eerste = try PostgresServer.freshDatabase()
        let tweede = try PostgresServer.freshDatabase()
        let file = work.url.appendingPathComponent("traffic").path
        let een = try FileManager.default.contentsOfDirectory(atPath: file).sorted().prefix(3).map { "traffic/\($0)" }
        for url in [eerste, tweede] { #expect(try work.run(["--db", url, "ingest"] + een).status == 0) }
        #expect(try work.run(["--db", eerste, "--projections", "volgt.sqlite", "toewijzingen"]).status == 0)
        let cases: [([String], String)] = [
            (["--db", tweede, "--projections", "volgt.sqlite", "toewijzingen"], "follows another log"),
            (["--db", eerste, "--projections", "ledger.sqlite", "zorg"], "is a ledger, not a read model"),
            (["--db", eerste, "toewijzingen"], "give --projections FILE"),
            (["--db", "ledger.sqlite", "--projections", "volgt.sqlite", "zorg"], "is for a log on PostgreSQL"),
        ]
        for (arguments, reason) in cases {
            let result = try work.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderrLines.count == 1 && result.stderr.contains(reason), "\(arguments): \(result.stderr)")
            #expect(result.output.isEmpty)
        }
        // Without --projections, PostgreSQL still answers what needs only the log.
        #expect(try work.run(["--db", eerste, "verify"]).output.contains("projections not checked"))
    }

    @Test func aWrongPasswordFailsInOneLineWithoutIt() throws {
        let (work, _) = try Self.verkeer.get()
        let url = try PostgresServer.freshDatabase()
        let at = try #require(url.lastIndex(of: "@"))
        let wrong = "postgresql://zorgledger:n1et-h3t-w@chtwoord" + url[at...]
        for command in [["ingest", "traffic"], ["verify"], ["--projections", "x.sqlite", "toewijzingen"]] {
            let started = Date()
            let result = try work.run(["--db", wrong] + command)
            #expect(result.status == 1)
            #expect(result.stderrLines.count == 1 && result.stderr.contains("password authentication failed"), "\(result.stderr)")
            #expect(!result.stderr.contains("n1et-h3t"))
            #expect(Date().timeIntervalSince(started) < 15)
        }
        #expect(!FileManager.default.fileExists(atPath: work.path("x.sqlite")))
    }

    /// `volg` keeps a read model current by notification: with a poll interval of a minute, the read
    /// model still reflects a new ingest within seconds; SIGTERM ends it with status 0.
    @Test func volgKeepsTheReadModelCurrentByNotification() throws {
        let (work, verkeer) = try Self.verkeer.get()
        let url = try PostgresServer.freshDatabase()
        #expect(try work.run(["--db", url, "ingest", verkeer.bestanden[0]]).status == 0)
        let volg = try Child(Zorgledger.executable, ["--db", url, "--projections", "volg.sqlite", "volg", "--interval", "60"], in: work)
        #expect(Self.reflected(by: "volg.sqlite", in: work, reaching: 1) == 1)
        #expect(try work.run(["--db", url, "ingest", "traffic"]).status == 0)
        #expect(Self.reflected(by: "volg.sqlite", in: work, reaching: verkeer.uniek) == verkeer.uniek,
                "the read model did not follow the ingest by notification")
        volg.signal(SIGTERM)
        let exit = volg.wait(timeout: 10)
        #expect(exit.status == 0, "\(exit.stderr)")
        #expect(exit.output.contains("reflects positions 1 to \(verkeer.uniek)"), "\(exit.output)")
        let toewijzingen = try work.run(["--db", "ledger.sqlite", "toewijzingen", "--format", "json"])
        let gevolgd = try work.run(["--db", url, "--projections", "volg.sqlite", "toewijzingen", "--format", "json"])
        #expect(gevolgd.stdout == toewijzingen.stdout)
    }

    /// `volg` outlives a lost connection: it says so in one line, connects again and goes on following.
    @Test func volgConnectsAgainWhenTheConnectionIsLost() throws {
        let (work, verkeer) = try Self.verkeer.get()
        let url = try PostgresServer.freshDatabase()
        #expect(try work.run(["--db", url, "ingest", verkeer.bestanden[0]]).status == 0)
        let volg = try Child(
            Zorgledger.executable, ["--db", url, "--projections", "weer.sqlite", "volg", "--interval", "0.5"], in: work)
        #expect(Self.reflected(by: "weer.sqlite", in: work, reaching: 1) == 1)
        // The server ends every other connection to the database, as a restart would.
        let ended = try PostgresServer.psql(
            url, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND pid <> pg_backend_pid()")
        #expect(ended.trimmingCharacters(in: .whitespacesAndNewlines) != "0", "volg had no connection to end")
        #expect(try work.run(["--db", url, "ingest", "traffic"]).status == 0)
        let followed = Self.reflected(by: "weer.sqlite", in: work, reaching: verkeer.uniek)
        volg.signal(SIGTERM)
        let exit = volg.wait(timeout: 10)
        #expect(exit.status == 0, "\(exit.stderr)")
        #expect(followed == verkeer.uniek, "the read model did not follow after the connection was lost: \(exit.output)")
        #expect(exit.stderrLines.count == 1 && exit.stderr.contains("closed the connection; connecting again every 0.5 s"),
                "\(exit.stderr)")
    }

    /// `sslmode` as libpq's: a server without TLS is refused in one line when TLS is required; one with TLS
    /// encrypts the connection, and verify-full accepts the server's own certificate and refuses another.
    @Test func sslModesEncryptTheConnectionAndCheckTheServer() throws {
        let (work, verkeer) = try Self.verkeer.get()
        let url = try PostgresServer.freshDatabase()
        #expect(try work.run(["--db", url + "?sslmode=disable", "ingest", verkeer.bestanden[0]]).status == 0)
        let offersTLS = try PostgresServer.psql(url, "SHOW ssl").trimmingCharacters(in: .whitespacesAndNewlines) == "on"
        guard offersTLS else {
            #expect(ProcessInfo.processInfo.environment["CI"] != "true", "the server .ci/postgres starts offers TLS")
            let refused = try work.run(["--db", url + "?sslmode=require", "verify"])
            #expect(refused.status == 1 && refused.stderrLines.count == 1 && refused.stderr.contains("does not offer TLS"),
                    "\(refused.stderr)")
            return
        }
        // Encrypted: the server sees the reader's connection as TLS.
        let volg = try Child(
            Zorgledger.executable, ["--db", url + "?sslmode=require", "--projections", "tls.sqlite", "volg"], in: work)
        var encrypted = ""
        let deadline = Date().addingTimeInterval(20)
        while encrypted.isEmpty && Date() < deadline {
            encrypted = try PostgresServer.psql(
                url, "SELECT string_agg(ssl::text, ',') FROM pg_stat_ssl JOIN pg_stat_activity USING (pid) "
                    + "WHERE datname = current_database() AND pid <> pg_backend_pid()")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            usleep(50_000)
        }
        volg.signal(SIGTERM)
        #expect(volg.wait(timeout: 10).status == 0)
        #expect(encrypted == "true", "\(encrypted)")
        // The server's certificate as a client receives it, and one of somebody else.
        let server = String(try #require(url.split(separator: "@").last?.split(separator: "/").first))
        let shown = try Child("/usr/bin/openssl", ["s_client", "-starttls", "postgres", "-connect", server], in: work)
            .wait(timeout: 20).output
        let begin = try #require(shown.range(of: "-----BEGIN CERTIFICATE-----"))
        let end = try #require(shown.range(of: "-----END CERTIFICATE-----"))
        try Data((shown[begin.lowerBound..<end.upperBound] + "\n").utf8).write(to: work.url.appendingPathComponent("server.pem"))
        let ander = try Child("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=ander",
            "-keyout", "ander.key", "-out", "ander.pem",
        ], in: work).wait(timeout: 30)
        #expect(ander.status == 0)
        let verified = try work.run(["--db", url + "?sslmode=verify-full&sslrootcert=server.pem", "verify"])
        #expect(verified.status == 0 && verified.output.hasPrefix("ok: 1 events"), "\(verified.output) \(verified.stderr)")
        let untrusted = try work.run(["--db", url + "?sslmode=verify-full&sslrootcert=ander.pem", "verify"])
        #expect(untrusted.status == 1 && untrusted.stderrLines.count == 1
                    && untrusted.stderr.contains("certificate is not signed by an authority sslrootcert trusts"),
                "\(untrusted.stderr)")
    }

    /// `kopieer` moves a ledger to PostgreSQL and back with the same chain, tree and answers, completes
    /// a copy of a log that has grown since, and refuses a ledger that holds another log.
    @Test func kopieerCopiesBothWaysWithTheSameChain() throws {
        let (work, verkeer) = try Self.verkeer.get()
        let url = try PostgresServer.freshDatabase()
        let helft = Array(verkeer.bestanden.prefix(verkeer.bestanden.count / 2))
        #expect(try work.run(["--db", "groeit.sqlite", "ingest"] + helft).status == 0)
        let eerst = try work.run(["kopieer", "--van", "groeit.sqlite", "--naar", url])
        #expect(eerst.status == 0, "\(eerst.stderr)")
        #expect(eerst.output.hasPrefix("copied \(verkeer.uniekNa[helft.count]) events (positions 1 to "), "\(eerst.output)")
        #expect(try work.run(["--db", "groeit.sqlite", "ingest", "traffic"]).status == 0)
        let rest = try work.run(["kopieer", "--van", "groeit.sqlite", "--naar", url])
        #expect(rest.output.hasPrefix("copied \(verkeer.uniek - verkeer.uniekNa[helft.count]) events (positions "
            + "\(verkeer.uniekNa[helft.count] + 1) to \(verkeer.uniek))"), "\(rest.output) \(rest.stderr)")
        let terug = try work.run(["kopieer", "--van", url, "--naar", "terug.sqlite"])
        #expect(terug.status == 0, "\(terug.stderr)")
        let heads = try ["groeit.sqlite", url, "terug.sqlite"].map { db in
            try work.run(["--db", db, "verify"]).output.split(separator: ";")[0].split(separator: " ").last.map(String.init)
        }
        #expect(Set(heads).count == 1 && heads[0] != nil, "\(heads)")
        for opdracht in [["bewijs", "7"], ["bewijs", "--consistentie", "5", "\(verkeer.uniek)"]] {
            let proofs = try ["groeit.sqlite", url, "terug.sqlite"].map { try work.run(["--db", $0] + opdracht).stdout }
            #expect(Set(proofs).count == 1 && !proofs[0].isEmpty, "\(opdracht)")
        }
        for opdracht in Self.leesopdrachten {
            #expect(try work.run(["--db", "terug.sqlite"] + opdracht).stdout == work.run(["--db", "ledger.sqlite"] + opdracht).stdout)
        }
        let ander = try work.run(["kopieer", "--van", "terug.sqlite", "--naar", "ledger.sqlite"])
        #expect(ander.status == 1 && ander.stderrLines.count == 1 && ander.stderr.contains("not the first"), "\(ander.stderr)")
    }

    /// The rights the README names are enough: an intake role with SELECT and INSERT appends, a reader
    /// with SELECT reads through a read model and verifies, and neither can change what is logged.
    @Test func theRolesOfTheReadmeAppendAndReadAndChangeNothing() throws {
        let (work, verkeer) = try Self.verkeer.get()
        let eigenaar = try PostgresServer.freshDatabase()
        #expect(try work.run(["--db", eigenaar, "ingest", verkeer.bestanden[0]]).status == 0)
        let suffix = String(UUID().uuidString.prefix(8)).lowercased()
        let (intake, lezer) = ("intake_\(suffix)", "lezer_\(suffix)")
        for sql in [
            "CREATE ROLE \(intake) LOGIN PASSWORD 'in-\(suffix)'", "CREATE ROLE \(lezer) LOGIN PASSWORD 'lees-\(suffix)'",
            "GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO \(intake)",
            "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO \(intake)",
            "GRANT SELECT ON ALL TABLES IN SCHEMA public TO \(lezer)",
        ] { try PostgresServer.psql(eigenaar, sql) }
        let rest = eigenaar[eigenaar.lastIndex(of: "@")!...]
        let alsIntake = "postgresql://\(intake):in-\(suffix)" + rest
        let alsLezer = "postgresql://\(lezer):lees-\(suffix)" + rest
        let ingest = try work.run(["--db", alsIntake, "ingest", "traffic"])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let lezen = try work.run(["--db", alsLezer, "--projections", "lezer.sqlite", "declaraties", "--format", "csv"])
        #expect(lezen.status == 0, "\(lezen.stderr)")
        #expect(lezen.stdout == (try work.run(["--db", "ledger.sqlite", "declaraties", "--format", "csv"])).stdout)
        #expect(try work.run(["--db", alsLezer, "verify"]).status == 0)
        #expect(try work.run(["--db", alsLezer, "ingest", "traffic"]).status == 1, "a reader cannot append")
        for (url, sql) in [(alsIntake, "UPDATE events SET source = NULL"), (alsIntake, "DELETE FROM events"),
                           (alsLezer, "INSERT INTO appends VALUES (0, '', '')")] {
            #expect(throws: HelperFailure.self, "\(sql)") { try PostgresServer.psql(url, sql) }
        }
    }

    /// The server ends the writer's connection mid-ingest (as when it crashes or restarts): the writer
    /// stops within seconds with one line and status 1, the log holds whole batches, and a re-run
    /// appends exactly the rest.
    @Test func aConnectionLostMidIngestFailsInOneLineAndARerunCompletes() throws {
        let (work, verkeer) = try Self.verkeer.get()
        let url = try PostgresServer.freshDatabase()
        let database = String(url[url.index(after: url.lastIndex(of: "/")!)...])
        let writer = try work.start(["--db", url, "ingest", "--batch-size", "5", "traffic"])
        let deadline = Date().addingTimeInterval(60)
        var ended = ""
        while Date() < deadline && writer.isRunning {
            ended = (try? PostgresServer.psql(
                url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(database)' "
                    + "AND pid <> pg_backend_pid() AND application_name = '' AND to_regclass('events') IS NOT NULL")) ?? ""
            if ended.contains("t") { break }
            usleep(10_000)
        }
        let exit = writer.wait(timeout: 30)
        let kept = Int(try PostgresServer.psql(url, "SELECT count(*) FROM events")) ?? -1
        if ended.contains("t") && kept < verkeer.uniek {
            #expect(exit.status == 1, "\(exit.stderr)")
            #expect(exit.stderrLines.count == 1 && exit.stderr.contains("connection"), "\(exit.stderr)")
        }
        #expect(kept % 5 == 0 || kept == verkeer.uniek, "whole batches of 5 only: \(kept)")
        let rerun = try work.run(["--db", url, "ingest", "traffic"])
        #expect(rerun.output.hasPrefix("appended \(verkeer.uniek - kept), "), "\(rerun.output) \(rerun.stderr)")
        #expect(try work.run(["--db", url, "verify"]).status == 0)
    }
}
