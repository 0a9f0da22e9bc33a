import Dispatch
import Ledger
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import Synchronization

/// One connection to a PostgreSQL server, used synchronously: zorgledger's store is called from
/// plain threads (the ingest writer, a read command), so every query waits for its answer here
/// instead of making the whole ledger asynchronous. The connection's I/O runs on NIO's shared
/// event loops.
final class PostgresSession {
    let url: PostgresURL
    fileprivate let connection: PostgresConnection
    /// Silent: the driver would otherwise log queries, which hold personal data.
    private let logger = Logger(label: "zorgledger.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    /// The statements sent and not yet all answered: the connection's end releases their waiters.
    private let unanswered = Unanswered()

    /// Connects, failing within `timeout` seconds when the server cannot be reached.
    init(_ url: PostgresURL, timeout: Int64 = 10) throws(LedgerError) {
        self.url = url
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
            tls: try Self.tls(url))
        configuration.options.connectTimeout = .seconds(timeout)
        do {
            connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1, logger: logger
            ).wait()
        } catch {
            throw Self.failure(error, url: url, doing: "cannot connect")
        }
        // One callback for the connection's life: a query written to a connection the server has
        // just closed would never be answered, and its waiter would hang.
        connection.closeFuture.whenComplete { [unanswered] _ in unanswered.closeAll() }
    }

    /// The encryption `url` asks for (libpq's `sslmode`, `sslrootcert`).
    private static func tls(_ url: PostgresURL) throws(LedgerError) -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch url.sslMode {
        case .disable: return .disable
        case .prefer: configuration.certificateVerification = .none
        case .require: configuration.certificateVerification = url.sslRootCertificate == nil ? .none : .noHostnameVerification
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        if let file = url.sslRootCertificate { configuration.trustRoots = .file(file) }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw LedgerError(.cannotOpen, "\(place(url)): the sslrootcert file \(url.sslRootCertificate ?? "") cannot be read (\(error))")
        }
        return url.sslMode == .prefer ? .prefer(context) : .require(context)
    }

    deinit {
        _ = try? connection.close().wait()
    }

    /// Runs `sql` with `binds` ($1, $2, …) and returns every row.
    @discardableResult
    func query(
        _ sql: String, _ binds: PostgresBindings = PostgresBindings()
    ) throws(LedgerError) -> [PostgresRandomAccessRow] {
        try queries([(sql, binds)])[0]
    }

    /// Runs `statements` one after the other and returns the rows of each: they are all handed
    /// to the connection at once, so the server runs the next as soon as one is done instead of
    /// waiting for this thread to send it. The first failure is thrown; a connection that ends
    /// first fails them.
    func queries(
        _ statements: [(sql: String, binds: PostgresBindings)]
    ) throws(LedgerError) -> [[PostgresRandomAccessRow]] {
        try send(statements).wait()
    }

    /// Hands `statements` to the connection; their answers are awaited with ``Pending/wait()``.
    func send(_ statements: [(sql: String, binds: PostgresBindings)]) -> Pending {
        let pending = Pending(count: statements.count, url: url)
        unanswered.add(pending)
        if connection.isClosed { pending.closed() }
        for (number, statement) in statements.enumerated() {
            connection.query(PostgresQuery(unsafeSQL: statement.sql, binds: statement.binds), logger: logger)
                .whenComplete { [unanswered] result in
                    if pending.answer(number, result) { unanswered.remove(pending) }
                }
        }
        return pending
    }

    /// The pending answers of a session, by identity.
    private final class Unanswered: Sendable {
        private let pending = Mutex<[ObjectIdentifier: Pending]>([:])

        func add(_ answers: Pending) { pending.withLock { $0[ObjectIdentifier(answers)] = answers } }
        func remove(_ answers: Pending) { _ = pending.withLock { $0.removeValue(forKey: ObjectIdentifier(answers)) } }

        /// The connection ended: every answer still missing is released.
        func closeAll() {
            for answers in pending.withLock({ all in defer { all.removeAll() }; return Array(all.values) }) { answers.closed() }
        }
    }

    /// The answers of statements sent together, as they arrive.
    final class Pending: Sendable {
        private let answered = DispatchSemaphore(value: 0)
        private let answers: Mutex<[Result<PostgresQueryResult, any Error>?]>
        private let url: PostgresURL

        fileprivate init(count: Int, url: PostgresURL) {
            answers = Mutex(Array(repeating: nil, count: count))
            self.url = url
        }

        /// Keeps one statement's answer. - returns: whether every statement has answered now.
        fileprivate func answer(_ number: Int, _ result: Result<PostgresQueryResult, any Error>) -> Bool {
            let complete = answers.withLock { answers in
                answers[number] = result
                return !answers.contains { $0 == nil }
            }
            answered.signal()
            return complete
        }

        /// The connection ended: no answer still missing will come.
        fileprivate func closed() {
            for _ in 0..<answers.withLock({ $0.count }) { answered.signal() }
        }

        /// The rows of every statement, in order, once all have answered; the first failure is thrown.
        func wait() throws(LedgerError) -> [[PostgresRandomAccessRow]] {
            for _ in 0..<answers.withLock({ $0.count }) { answered.wait() }
            var rows: [[PostgresRandomAccessRow]] = []
            for answer in answers.withLock({ $0 }) {
                guard let answer else {
                    throw LedgerError(
                        .disconnected, "\(PostgresSession.place(url)): a query failed: the server closed the connection")
                }
                do {
                    rows.append(try answer.get().rows.map { $0.makeRandomAccess() })
                } catch {
                    throw PostgresSession.failure(error, url: url, doing: "a query failed")
                }
            }
            return rows
        }
    }

    /// Runs `body` in a transaction (READ COMMITTED), committed when it returns and rolled back
    /// when it throws.
    func transaction<T>(_ body: () throws(LedgerError) -> T) throws(LedgerError) -> T {
        try query("BEGIN")
        do {
            let result = try body()
            try query("COMMIT")
            return result
        } catch {
            _ = try? query("ROLLBACK")
            throw error
        }
    }

    /// The server and database, without the password.
    fileprivate static func place(_ url: PostgresURL) -> String { "\(url.user)@\(url.host):\(url.port)/\(url.database)" }

    /// A driver error as one line naming the server (never the password) and what went wrong.
    /// Server errors carry the server's own message; a lost or refused connection says so.
    static func failure(_ error: any Error, url: PostgresURL, doing what: String) -> LedgerError {
        let place = place(url)
        guard let error = error as? PSQLError else {
            return LedgerError(.cannotOpen, "\(place): \(what) (\(error))")
        }
        switch error.code {
        case .server:
            let message = error.serverInfo?[.message] ?? "unknown server error"
            let state = error.serverInfo?[.sqlState] ?? ""
            // 28P01 and 28000: authentication; 3D000: no such database.
            let code: LedgerError.Code = state.hasPrefix("28") || state == "3D000" ? .cannotOpen : .server
            return LedgerError(code, "\(place): \(what): \(message)")
        case .connectionError:
            if let failure = error.underlying as? NIOSSLError {
                let untrusted = "\(failure)".contains("CERTIFICATE_VERIFY_FAILED")
                return LedgerError(.cannotOpen, "\(place): \(what): " + (untrusted
                    ? "the server's certificate is not signed by an authority sslrootcert trusts, or does not name the host "
                        + "(sslmode=\(url.sslMode.rawValue))"
                    : "the TLS handshake failed (\(failure))"))
            }
            let reason = error.underlying.map { "\($0)" } ?? "no connection"
            return LedgerError(.cannotOpen, "\(place): \(what): the server cannot be reached (\(reason))")
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            return LedgerError(.disconnected, "\(place): \(what): the server closed the connection")
        case .sslUnsupported:
            return LedgerError(.cannotOpen, "\(place): \(what): the server does not offer TLS, which sslmode=\(url.sslMode.rawValue) requires")
        case .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError:
            return LedgerError(.cannotOpen, "\(place): \(what): authentication failed (\(error.code))")
        default:
            return LedgerError(.server, "\(place): \(what) (\(error.code))")
        }
    }
}

extension PostgresSession {
    /// Calls `notified` on another thread each time a notification arrives on `channel`, for as
    /// long as the connection lives.
    func listen(on channel: String, _ notified: @Sendable @escaping () -> Void) throws(LedgerError) {
        connection.addListener(channel: channel) { _, _ in notified() }
        try query("LISTEN \(channel)")
    }
}
