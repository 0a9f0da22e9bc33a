/// The gemeente that is responsible instead (iJw 319/320 only, with RedenAfwijzingVerzoek 8).
public struct Woonplaatsbeginsel: Sendable, Hashable {
    /// A 4-digit CBS gemeentecode.
    public var gemeente: String
    public var retourCodes: [String]

    public init(gemeente: String, retourCodes: [String] = []) {
        self.gemeente = gemeente
        self.retourCodes = retourCodes
    }
}
