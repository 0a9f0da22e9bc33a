public enum CSV {
    /// A field per RFC 4180: quoted when it holds a comma, a quote or a line break.
    public static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        var out = "\""
        for character in value {
            out += character == "\"" ? "\"\"" : String(character)
        }
        return out + "\""
    }

    /// A cell as a field: a list space-separated, nested objects left out (JSON only).
    static func field(_ cell: Cell) -> String {
        switch cell {
        case .text(let value): field(value ?? "")
        case .integer(let value): value.map(String.init) ?? ""
        case .list(let values): field(values.joined(separator: " "))
        case .integers(let values): values.map(String.init).joined(separator: " ")
        case .objects: ""
        case .percentage(let share): share.map { Percentage.text($0, decimal: ".") } ?? ""
        }
    }
}
