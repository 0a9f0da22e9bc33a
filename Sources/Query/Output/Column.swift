/// One column of a row type, declared once: its JSON key (also the CSV header), the header
/// people see in a table, what it holds, and how to read it from a row.
public struct Column<Row> {
    /// The contract's JSON key, also the CSV header.
    public var key: String
    /// The header people see in a table.
    public var header: String
    public var kind: ColumnKind
    /// False for a column a table row already says in words (JSON and CSV keep it).
    public var inTable: Bool
    /// A BSN: masked unless personal data is to be shown (``PersonalData``).
    public var personal: Bool
    /// The long text of the row, cut in a table that would not fit the terminal (never in JSON or CSV).
    public var cuttable: Bool
    let value: (Row) -> Cell

    public init(
        _ key: String, _ header: String? = nil, _ kind: ColumnKind = .text, inTable: Bool = true,
        personal: Bool = false, cuttable: Bool = false, _ value: @escaping (Row) -> Cell
    ) {
        self.key = key
        self.header = header ?? key
        self.kind = kind
        self.inTable = inTable
        self.personal = personal
        self.cuttable = cuttable
        self.value = value
    }

    /// The cell of `row`, its BSN masked as `personalData` says.
    func cell(_ row: Row, _ personalData: PersonalData) -> Cell {
        let cell = value(row)
        guard personal, case .text(let bsn?) = cell else { return cell }
        return .text(personalData.bsn(bsn))
    }

    /// The same column on a row type that holds this one, e.g. a finding inside a difference.
    public func on<Outer>(_ inner: @escaping (Outer) -> Row) -> Column<Outer> {
        let value = self.value
        return Column<Outer>(
            key, header, kind, inTable: inTable, personal: personal, cuttable: cuttable) { value(inner($0)) }
    }
}

/// A row type of a read command, with its columns declared once for every format.
public protocol QueryRow {
    static var columns: [Column<Self>] { get }
}
