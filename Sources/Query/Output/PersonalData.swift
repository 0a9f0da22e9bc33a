/// How the CLI shows personal data: a BSN is masked to its last four digits unless the user
/// asked for it in full with the global `--show-personal` flag.
///
/// Every command that prints a BSN goes through ``bsn(_:)``, so a screen, a terminal log or a
/// pasted table never holds a full BSN by accident; `--show-personal` is the one way to get it.
public struct PersonalData: Sendable {
    /// Whether `--show-personal` was given.
    public var show: Bool

    public init(show: Bool) { self.show = show }

    /// `123456789` → `*****6789`: enough to tell clients in a list apart, not to identify one.
    /// The length stays 9, so JSON consumers see the contract's 9-character string either way.
    public func bsn(_ bsn: String) -> String {
        guard !show else { return bsn }
        let kept = bsn.count > 4 ? bsn.suffix(4) : ""
        return String(repeating: "*", count: bsn.count - kept.count) + kept
    }
}
