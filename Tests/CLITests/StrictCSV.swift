/// A strict RFC 4180 reader: records end in CRLF, fields are separated by commas, a field with
/// a comma, quote or line break is quoted and its quotes doubled. Anything else is an error, so
/// output that a lenient spreadsheet would still open cannot pass unnoticed.
enum StrictCSV {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var characters = Array(text.unicodeScalars)[...]
        var quoted = false
        var afterQuote = false
        while let scalar = characters.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if characters.first == "\"" {
                        characters.removeFirst()
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty, !afterQuote else {
                    throw Malformed(description: "a quote inside an unquoted field")
                }
                quoted = true
            case ",":
                record.append(field)
                field = ""
                afterQuote = false
            case "\r":
                guard characters.popFirst() == "\n" else { throw Malformed(description: "CR without LF") }
                record.append(field)
                records.append(record)
                record = []
                field = ""
                afterQuote = false
            case "\n":
                throw Malformed(description: "LF without CR")
            default:
                guard !afterQuote else { throw Malformed(description: "text after a closing quote") }
                field.unicodeScalars.append(scalar)
            }
        }
        guard !quoted else { throw Malformed(description: "an unterminated quoted field") }
        guard field.isEmpty, record.isEmpty else { throw Malformed(description: "the last record has no CRLF") }
        guard let width = records.first?.count, records.allSatisfy({ $0.count == width }) else {
            throw Malformed(description: "records of different lengths, or no header")
        }
        return records
    }
}
