/// One value of a row, in the shape every output format knows how to write.
public enum Cell {
    case text(String?)
    case integer(Int64?)
    case list([String])
    /// Numbers in a list, e.g. log positions: a JSON array of integers.
    case integers([Int64])
    /// Objects of key–cell pairs, keys in the order given.
    case objects([[(key: String, value: Cell)]])
    /// A share from 0 to 1, shown as a percentage with one decimal (a JSON number, `87.5`).
    case percentage(Double?)
}

/// What a column holds, which decides its JSON type, its alignment and whether a table totals it.
public enum ColumnKind: Sendable {
    case text
    case integer
    /// Integer eurocent shown as euros, without a total: a tarief or a budget adds up to nothing.
    case amount
    /// Integer eurocent shown as euros, totalled under the table: a bedrag does add up.
    case summedAmount
    case list
    /// Nested objects, in JSON only: details a table row says in words and a CSV cell cannot hold.
    case objects

    /// Words read from the left; numbers line up on the right.
    var leftAligned: Bool { self == .text || self == .list }
}
