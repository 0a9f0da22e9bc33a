import Foundation

/// A parsed JSON value that keeps integers apart from other numbers, so the tests can check
/// the contract's types exactly (`"02"` is not `2`, `2` is not `2.0`, `true` is no integer).
enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Keys in no particular order; JSON objects have none.
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    static func parse(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The rows of a command's output: the contract says one array of objects.
    var rows: [[String: JSONValue]]? {
        guard case .array(let values) = self else { return nil }
        let objects = values.compactMap { value -> [String: JSONValue]? in
            if case .object(let object) = value { return object }
            return nil
        }
        return objects.count == values.count ? objects : nil
    }
}
