/// How a read command writes its rows: an aligned table for people, JSON for scripts, CSV for spreadsheets.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table
    case json
    case csv
}
