import Ledger
import TestSupport
import Testing

@Suite("Binding values to SQLite statements")
struct SQLiteStatementTests {
    /// Text is bound from its UTF-8 bytes in place: small (inline) and large strings, non-ASCII,
    /// an empty string (text, not NULL) and nil (NULL) all read back as bound.
    @Test func textReadsBackAsBound() throws {
        let directory = try WorkDirectory()
        let connection = try SQLiteConnection(path: directory.path("t.sqlite"), mode: .readWriteCreate)
        try connection.execute("CREATE TABLE t (n INTEGER PRIMARY KEY, x TEXT)")
        let values: [String?] = [
            "abc", "zorgaanbieder ‘Zon’ — één", String(repeating: "regel ", count: 200), "", nil,
        ]
        let insert = try connection.prepare("INSERT INTO t (n, x) VALUES (?1, ?2)")
        for (index, value) in values.enumerated() {
            insert.reset()
            insert.bind(1, index)
            insert.bind(2, value)
            try insert.step()
        }
        let select = try connection.prepare("SELECT x, typeof(x) FROM t ORDER BY n")
        var read: [String?] = []
        var types: [String] = []
        while try select.step() {
            read.append(select.optionalString(0))
            types.append(select.string(1))
        }
        #expect(read == values)
        #expect(types == ["text", "text", "text", "text", "null"])
    }
}
