/// How serious a finding is (cli.md): `fout` would reject the prestatie or message under the
/// standard; `signaal` is advice, such as a missed process deadline.
public enum Ernst: String, Sendable, Hashable, CaseIterable {
    case fout
    case signaal
}
