/// A toewijzing as the standard names it: its number is unique per gemeente.
public struct ToewijzingSleutel: Hashable, Sendable, Comparable {
    public var gemeente: String
    public var nummer: Int

    public init(gemeente: String, nummer: Int) {
        self.gemeente = gemeente
        self.nummer = nummer
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.gemeente, lhs.nummer) < (rhs.gemeente, rhs.nummer)
    }
}
