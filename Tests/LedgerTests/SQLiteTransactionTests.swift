import Ledger
import TestSupport
import Testing

/// A write inside an open transaction (projections catching up inside an append) joins it
/// without a savepoint: it commits with it, and when it fails the transaction cannot commit.
@Suite("Writes inside an open transaction")
struct SQLiteTransactionTests {
    private let directory: WorkDirectory
    private let connection: SQLiteConnection

    init() throws {
        directory = try WorkDirectory()
        connection = try SQLiteConnection(path: directory.path("t.sqlite"), mode: .readWriteCreate)
        try connection.execute("CREATE TABLE t (n INTEGER PRIMARY KEY)")
    }

    private func insert(_ n: Int) throws(LedgerError) {
        try connection.execute("INSERT INTO t (n) VALUES (\(n))")
    }

    private func stored() throws -> [Int] {
        let select = try connection.prepare("SELECT n FROM t ORDER BY n")
        var numbers: [Int] = []
        while try select.step() { numbers.append(select.int(0)) }
        return numbers
    }

    private static let failure = LedgerError(.io, "t.sqlite: the inner write failed")

    @Test func anInnerWriteCommitsWithTheOuterOne() throws {
        try connection.writeTransaction { () throws(LedgerError) in
            try insert(1)
            try connection.writeTransaction { () throws(LedgerError) in try insert(2) }
            try insert(3)
        }
        #expect(!connection.isInTransaction)
        #expect(try stored() == [1, 2, 3])
    }

    /// The failure of the inner write propagates: the whole transaction rolls back.
    @Test func aFailedInnerWriteRollsBackTheOuterOne() throws {
        #expect(throws: Self.failure) {
            try connection.writeTransaction { () throws(LedgerError) in
                try insert(1)
                try connection.writeTransaction { () throws(LedgerError) in
                    try insert(2)
                    throw Self.failure
                }
            }
        }
        #expect(!connection.isInTransaction)
        #expect(try stored() == [])
    }

    /// Caught in between, the inner failure still keeps the outer transaction from committing the
    /// inner write's half-done work; the next transaction is not affected.
    @Test func aCaughtInnerFailureStillPreventsTheCommit() throws {
        #expect(throws: Self.failure) {
            try connection.writeTransaction { () throws(LedgerError) in
                try insert(1)
                _ = try? connection.writeTransaction { () throws(LedgerError) in
                    try insert(2)
                    throw Self.failure
                }
                try insert(3)
            }
        }
        #expect(try stored() == [])
        try connection.writeTransaction { () throws(LedgerError) in try insert(4) }
        #expect(try stored() == [4])
    }

    /// A failed read inside a write is the reader's business: the write commits.
    @Test func aCaughtInnerReadFailureDoesNotPreventTheCommit() throws {
        try connection.writeTransaction { () throws(LedgerError) in
            try insert(1)
            _ = try? connection.readTransaction { () throws(LedgerError) in throw Self.failure }
        }
        #expect(try stored() == [1])
    }
}
