/// The iStandaarden a message can belong to.
public enum Standaard: String, Sendable, Hashable, CaseIterable, Codable {
    case iWmo
    case iJw
}
