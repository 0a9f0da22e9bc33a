public enum JSON {
    /// A JSON string literal, escaped per RFC 8259.
    public static func string(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// One object, keys in the order given.
    static func object(_ members: [(key: String, value: Cell)]) -> String {
        "{" + members.map { string($0.key) + ": " + value($0.value) }.joined(separator: ", ") + "}"
    }

    static func value(_ cell: Cell) -> String {
        switch cell {
        case .text(let value): value.map(string) ?? "null"
        case .integer(let value): value.map(String.init) ?? "null"
        case .list(let values): "[" + values.map(string).joined(separator: ", ") + "]"
        case .integers(let values): "[" + values.map(String.init).joined(separator: ", ") + "]"
        case .objects(let objects): "[" + objects.map(object).joined(separator: ", ") + "]"
        case .percentage(let share): share.map { Percentage.text($0, decimal: ".") } ?? "null"
        }
    }
}
