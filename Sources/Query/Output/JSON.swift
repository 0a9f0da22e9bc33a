public enum JSON {
    /// A JSON string literal, escaped per RFC 8259.
    public static func string(_ value: String) -> String {
        var out = ""
        append(string: value, to: &out)
        return out
    }

    /// Appends `value` as a JSON string literal. Most texts need no escape: those are copied whole,
    /// which is what keeps writing a large answer cheap.
    static func append(string value: String, to out: inout String) {
        out += "\""
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            out += value
            out += "\""
            return
        }
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
        out += "\""
    }

    /// Appends one object, keys in the order given.
    static func append(object keys: [String], _ values: [Cell], to out: inout String) {
        out += "{"
        for index in keys.indices {
            if index > 0 { out += ", " }
            append(string: keys[index], to: &out)
            out += ": "
            append(values[index], to: &out)
        }
        out += "}"
    }

    static func append(_ cell: Cell, to out: inout String) {
        switch cell {
        case .text(let value?): append(string: value, to: &out)
        case .integer(let value?): out += String(value)
        case .percentage(let share?): out += Percentage.text(share, decimal: ".")
        case .text(nil), .integer(nil), .percentage(nil): out += "null"
        case .list(let values): append(array: values, to: &out) { append(string: $0, to: &$1) }
        case .integers(let values): append(array: values, to: &out) { $1 += String($0) }
        case .objects(let objects):
            append(array: objects, to: &out) { append(object: $0.map(\.key), $0.map(\.value), to: &$1) }
        }
    }

    private static func append<Element>(
        array: [Element], to out: inout String, _ element: (Element, inout String) -> Void
    ) {
        out += "["
        for (index, value) in array.enumerated() {
            if index > 0 { out += ", " }
            element(value, &out)
        }
        out += "]"
    }
}
