public import Ledger

/// Where a log on PostgreSQL lives: `postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME` (or
/// `postgres://`), user and password percent-decoded as in libpq's URIs, and optionally
/// `?sslmode=…&sslrootcert=FILE` with libpq's meaning.
public struct PostgresURL: Sendable, Hashable, CustomStringConvertible {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var sslMode: SSLMode = .prefer
    /// The certificates of the authorities trusted to sign the server's; nil: the system's.
    public var sslRootCertificate: String?

    /// Whether the connection is encrypted and how the server is checked, as libpq's `sslmode`.
    public enum SSLMode: String, Sendable, Hashable, CaseIterable {
        /// Never encrypted.
        case disable
        /// Encrypted when the server can; the server is not checked (libpq's default).
        case prefer
        /// Always encrypted; the server's certificate is checked only when `sslrootcert` is given.
        case require
        /// Always encrypted; the server's certificate must be signed by a trusted authority.
        case verifyCA = "verify-ca"
        /// As `verify-ca`, and the certificate must name the host connected to.
        case verifyFull = "verify-full"
    }

    /// Whether `text` names a PostgreSQL database rather than a file.
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// - throws: ``LedgerError`` (`.cannotOpen`) saying what is wrong, without the password.
    public init(_ text: String) throws(LedgerError) {
        guard Self.isPostgres(text) else { throw Self.malformed(text, "it does not start with postgresql://") }
        var rest = text.drop { $0 != "/" }.dropFirst(2)
        var parameters: [(name: Substring, value: Substring)] = []
        // A password may hold `?`: the parameters start after the host.
        let hostStart = rest.lastIndex(of: "@") ?? rest.startIndex
        if let question = rest[hostStart...].firstIndex(of: "?") {
            for pair in rest[rest.index(after: question)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                parameters.append((parts[0], parts.count == 2 ? parts[1] : ""))
            }
            rest = rest[..<question]
        }
        guard let slash = rest.firstIndex(of: "/") else { throw Self.malformed(text, "it names no database (…/DBNAME)") }
        let authority = rest[..<slash]
        let database = String(rest[rest.index(after: slash)...])
        guard !database.isEmpty, !database.contains("?"), !database.contains("/") else {
            throw Self.malformed(text, "the database name after the host is empty or holds ? or /")
        }
        guard let at = authority.lastIndex(of: "@") else {
            throw Self.malformed(text, "it names no user (USER@HOST)")
        }
        let userInfo = authority[..<at]
        let hostPort = authority[authority.index(after: at)...]
        let colon = userInfo.firstIndex(of: ":")
        guard let user = Self.percentDecoded(userInfo[..<(colon ?? userInfo.endIndex)]), !user.isEmpty else {
            throw Self.malformed(text, "the user name is empty or badly %-encoded")
        }
        var password: String?
        if let colon {
            guard let decoded = Self.percentDecoded(userInfo[userInfo.index(after: colon)...]) else {
                throw Self.malformed(text, "the password is badly %-encoded")
            }
            password = decoded
        }
        var host = Substring(hostPort)
        var port = 5432
        if let portColon = hostPort.lastIndex(of: ":"), !hostPort.hasSuffix("]") {
            guard let number = Int(hostPort[hostPort.index(after: portColon)...]), (1...65535).contains(number) else {
                throw Self.malformed(text, "the port is not a number from 1 to 65535")
            }
            port = number
            host = hostPort[..<portColon]
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        guard !host.isEmpty else { throw Self.malformed(text, "it names no host") }
        self.user = user
        self.password = password
        self.host = String(host)
        self.port = port
        self.database = database
        for (name, value) in parameters {
            switch name {
            case "sslmode":
                guard let mode = SSLMode(rawValue: String(value)) else {
                    throw Self.malformed(
                        text, "sslmode must be one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                sslMode = mode
            case "sslrootcert":
                guard let path = Self.percentDecoded(value), !path.isEmpty else {
                    throw Self.malformed(text, "sslrootcert names no file")
                }
                sslRootCertificate = path
            default:
                throw Self.malformed(text, "unknown parameter \(name) (zorgledger knows sslmode and sslrootcert)")
            }
        }
    }

    /// The URL without its password: safe to print.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgresql://\(user)@\(shownHost):\(port)/\(database)"
    }

    private static func malformed(_ text: String, _ reason: String) -> LedgerError {
        let shown = text.split(separator: "@", omittingEmptySubsequences: false).last.map { "postgresql://…@\($0)" }
        return LedgerError(.cannotOpen, "\(text.contains("@") ? shown ?? "" : text): not a PostgreSQL URL: \(reason)")
    }

    /// `%XX` sequences decoded as UTF-8; nil for a malformed sequence.
    private static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next(), let low = iterator.next(),
                  let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
