import Berichten

/// What a reconciliation is evaluated under: a rule-set version and a contract snapshot.
public struct Grondslag: Sendable {
    public var regelset: Regelset
    /// The log position the contract snapshot is taken at: per gemeente, the latest contract
    /// event up to here holds its tariffs. Nil when no contract was ever loaded.
    public var contractPositie: Int64?
    private var tarieven: [String: [(positie: Int64, regel: Contractregel)]]
    /// Gemeente|aanbieder pairs the snapshot holds any tariff for.
    private var contractanten: Set<String>

    /// - Parameter tarieven: the tariffs in force, each with the position of its contract event.
    public init(regelset: Regelset, contractPositie: Int64?, tarieven: [(positie: Int64, regel: Contractregel)]) {
        self.regelset = regelset
        self.contractPositie = contractPositie
        self.tarieven = Dictionary(grouping: tarieven) {
            Self.sleutel($0.regel.gemeente, $0.regel.aanbieder, $0.regel.productCategorie, $0.regel.productCode)
        }
        contractanten = Set(tarieven.map { Self.sleutel($0.regel.gemeente, $0.regel.aanbieder) })
    }

    /// Whether the snapshot holds a contract between `gemeente` and `aanbieder`, for any product or period.
    func heeftContract(gemeente: String, aanbieder: String) -> Bool {
        contractanten.contains(Self.sleutel(gemeente, aanbieder))
    }

    /// The contract tariff for a product on `datum`, if the snapshot has one, with its event's position.
    func tarief(
        gemeente: String, aanbieder: String, categorie: String, code: String, op datum: Datum
    ) -> (positie: Int64, regel: Contractregel)? {
        tarieven[Self.sleutel(gemeente, aanbieder, categorie, code)]?.first {
            $0.regel.geldt(gemeente: gemeente, aanbieder: aanbieder, categorie: categorie, code: code, op: datum)
        }
    }

    private static func sleutel(_ delen: String...) -> String { delen.joined(separator: "|") }
}
