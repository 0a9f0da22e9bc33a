/// A release of iWmo/iJw as encoded in a message's namespace (`…/ijw/3_2/jw301/schema` is 3.2).
///
/// Only the 3.x releases share one message structure, so only those are accepted; history from
/// 2.x needs its own model.
public struct Release: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let major: Int
    public let minor: Int

    public static let v3_0 = Release(uncheckedMajor: 3, minor: 0)
    public static let v3_1 = Release(uncheckedMajor: 3, minor: 1)
    public static let v3_2 = Release(uncheckedMajor: 3, minor: 2)

    /// The releases this module can decode, oldest first.
    public static let supported: [Release] = [.v3_0, .v3_1, .v3_2]

    /// Returns nil for a release this module does not decode.
    public init?(major: Int, minor: Int) {
        guard major == 3, (0...2).contains(minor) else { return nil }
        self.init(uncheckedMajor: major, minor: minor)
    }

    private init(uncheckedMajor major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    public var description: String { "\(major).\(minor)" }

    public static func < (lhs: Release, rhs: Release) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }
}
