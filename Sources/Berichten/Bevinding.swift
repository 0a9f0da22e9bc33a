/// A level-2 business rule a message breaks (report §6.9), found by ``Bericht/bevindingen()``.
///
/// A message that breaks a rule still decodes: the ledger records what was sent and the verdict
/// travels with it. Like ``BerichtError``, the text never contains personal values.
public struct Bevinding: Sendable, Hashable, CustomStringConvertible {
    /// The rule's code in the standard, e.g. `CS003`.
    public var regel: String
    /// The element path the rule concerns, in the same form as ``BerichtError/path``.
    public var pad: String
    public var toelichting: String

    public init(regel: String, pad: String, toelichting: String) {
        self.regel = regel
        self.pad = pad
        self.toelichting = toelichting
    }

    public var description: String { "\(regel) \(pad): \(toelichting)" }
}
