/// A rule-set version or contract position that a reconciliation cannot be evaluated under.
public struct GrondslagFout: Error, Sendable, CustomStringConvertible {
    public var description: String
}
