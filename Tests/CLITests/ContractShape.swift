/// The JSON shapes of `shared/contract/cli.md`, as checks: which keys are integers, which are
/// arrays, and what dates, times and BSNs look like. Everything else is a string or null.
enum ContractShape {
    /// "JSON integers: positie, berichtCode, toewijzingNummer, volume, budget, geleverdVolume, productTarief, bedrag".
    /// Plus `bytes`, the size of the original in `bericht POSITION --format json`, and a timeline's `vervangtPositie`.
    static let integers: Set<String> = [
        "positie", "berichtCode", "toewijzingNummer", "volume", "budget", "geleverdVolume", "productTarief", "bedrag",
        "bytes", "vervangtPositie",
    ]
    static let stringArrays: Set<String> = ["retourCodes", "gemeenteRetourCodes", "bevindingen", "bsns"]
    static let integerArrays: Set<String> = ["posities"]
    /// Nested objects of a timeline line, themselves of the same shape.
    static let objectArrays: Set<String> = ["details"]
    static let dates: Set<String> = [
        "dagtekening", "ingangsdatum", "einddatum", "begindatum", "toewijzingsdatum", "toewijzingIngangsdatum",
        "toewijzingEinddatum", "bekendSinds", "vervangtToewijzingsdatum",
    ]
    static let times: Set<String> = ["tijd", "toewijzingstijd", "vervangtToewijzingstijd"]

    /// Every way `row` breaks the contract, as readable lines; empty when it holds.
    static func problems(_ row: [String: JSONValue], path: String = "") -> [String] {
        var problems: [String] = []
        for (key, value) in row.sorted(by: { $0.key < $1.key }) {
            let name = path + key
            switch value {
            case .null:
                continue
            case .integer where integers.contains(key):
                continue
            case .array(let items) where stringArrays.contains(key):
                for item in items {
                    if case .string = item { continue }
                    problems.append("\(name): \(item) in a string array")
                }
            case .array(let items) where integerArrays.contains(key):
                for item in items {
                    if case .integer = item { continue }
                    problems.append("\(name): \(item) in an integer array")
                }
            case .array(let items) where objectArrays.contains(key):
                for item in items {
                    guard case .object(let object) = item else {
                        problems.append("\(name): \(item) is not an object")
                        continue
                    }
                    problems += Self.problems(object, path: name + ".")
                }
            case .string(let text) where !integers.contains(key) && !stringArrays.contains(key):
                if dates.contains(key), !matches(text, "dddd-dd-dd") {
                    problems.append("\(name): '\(text)' is no date")
                }
                if times.contains(key), !matches(text, "dd:dd:dd") { problems.append("\(name): '\(text)' is no time") }
                if key == "bsn", text.count != 9 { problems.append("\(name): a BSN has 9 characters") }
            default:
                problems.append("\(name): \(value) has the wrong type")
            }
        }
        return problems
    }

    /// `d` stands for a digit, anything else for itself.
    private static func matches(_ text: String, _ pattern: String) -> Bool {
        text.count == pattern.count
            && zip(text, pattern).allSatisfy { character, want in
                want == "d" ? character.isASCII && character.isNumber : character == want
            }
    }
}
