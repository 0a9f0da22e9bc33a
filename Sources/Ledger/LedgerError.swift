/// Why a ledger operation failed.
///
/// A struct with an open set of codes (the swift-nio `FileSystemError` shape), so codes can be
/// added without breaking callers. The message names the file and what to do; it never
/// contains message content, so no BSN or name can reach a log through an error.
public struct LedgerError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The file does not exist or cannot be opened.
        public static let cannotOpen = Code("cannotOpen")
        /// The file is not an SQLite database, or one without a zorgledger log.
        public static let notALedger = Code("notALedger")
        /// The file was written by a newer zorgledger with a format this one cannot read.
        public static let newerFormat = Code("newerFormat")
        /// Another writer holds the ledger for longer than the wait allows.
        public static let busy = Code("busy")
        /// The disk or file-size limit was reached; the batch was rolled back.
        public static let storageFull = Code("storageFull")
        /// A read or write of the file failed.
        public static let io = Code("io")
        /// SQLite found the database file damaged.
        public static let corrupt = Code("corrupt")
        /// A stored payload could not be decompressed.
        public static let codec = Code("codec")
        /// An event the log's description does not allow, such as a kind it does not name.
        public static let invalidEvent = Code("invalidEvent")
        /// There is no event at the requested position.
        public static let noSuchEvent = Code("noSuchEvent")
        /// Any other SQLite failure.
        public static let sqlite = Code("sqlite")
        /// A database server refused or failed a request.
        public static let server = Code("server")
        /// The connection to a database server was lost: it closed, or the server went away.
        public static let disconnected = Code("disconnected")
    }
}
