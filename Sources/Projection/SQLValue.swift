/// A value bound to a statement parameter: the two SQLite storage classes projections use.
public enum SQLValue: Sendable, Hashable {
    case integer(Int?)
    case text(String?)
}
