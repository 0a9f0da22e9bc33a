/// A helper a test relies on (sqlite3, `generate`, building a fixture) failed; the message says why,
/// so the test fails on the cause rather than on a confusing later expectation.
public struct HelperFailure: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}
