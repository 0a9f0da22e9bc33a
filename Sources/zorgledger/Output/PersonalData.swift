/// How the CLI shows personal data: a BSN is masked to its last four digits unless the user
/// asked for it in full with the global `--show-personal` flag.
///
/// Every command that prints a BSN goes through ``bsn(_:)``, so a screen, a terminal log or a
/// pasted table never holds a full BSN by accident; `--show-personal` is the one way to get it.
struct PersonalData {
    /// Whether `--show-personal` was given.
    var show: Bool

    /// `123456789` → `*****6789`: enough to tell clients in a list apart, not to identify one.
    /// The length stays 9, so JSON consumers see the contract's 9-character string either way.
    func bsn(_ bsn: String) -> String {
        guard !show else { return bsn }
        let kept = bsn.count > 4 ? bsn.suffix(4) : ""
        return String(repeating: "*", count: bsn.count - kept.count) + kept
    }
}

extension GlobalOptions {
    /// How this invocation shows personal data.
    var personalData: PersonalData { PersonalData(show: showPersonal) }
}
