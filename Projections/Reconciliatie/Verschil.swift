/// How one finding differs between two evaluations, e.g. under two contract versions.
public struct Verschil: Sendable, Hashable {
    public enum Soort: String, Sendable, Hashable, CaseIterable {
        /// Only the second evaluation has it.
        case verschenen
        /// Only the first evaluation has it.
        case verdwenen
        /// Both have it, with another toelichting or amount.
        case gewijzigd
    }

    public var soort: Soort
    /// The finding as the second evaluation has it, or the first when it disappeared.
    public var constatering: Constatering
    /// The toelichting of the first evaluation, for a changed finding.
    public var toelichtingVoor: String?
    /// Eurocent at stake in the first evaluation; nil when it had no such finding or no amount.
    public var bedragVoor: Int?
    /// Eurocent at stake in the second evaluation.
    public var bedragNa: Int?

    /// What changed in euros: after minus before, absent amounts counting as 0.
    public var verschil: Int { (bedragNa ?? 0) - (bedragVoor ?? 0) }

    /// The findings that appear, disappear or change from `voor` to `na`, matched by
    /// ``Constatering/sleutel``, in the order of `na` then `voor`.
    public static func tussen(_ voor: [Constatering], _ na: [Constatering]) -> [Verschil] {
        let eerder = Dictionary(voor.map { ($0.sleutel, $0) }) { eerste, _ in eerste }
        let later = Dictionary(na.map { ($0.sleutel, $0) }) { eerste, _ in eerste }
        var resultaat: [Verschil] = []
        for c in na {
            if let oud = eerder[c.sleutel] {
                guard oud.toelichting != c.toelichting || oud.bedrag != c.bedrag || oud.ernst != c.ernst else { continue }
                resultaat.append(Verschil(
                    soort: .gewijzigd, constatering: c, toelichtingVoor: oud.toelichting, bedragVoor: oud.bedrag,
                    bedragNa: c.bedrag))
            } else {
                resultaat.append(Verschil(soort: .verschenen, constatering: c, bedragNa: c.bedrag))
            }
        }
        for c in voor where later[c.sleutel] == nil {
            resultaat.append(Verschil(soort: .verdwenen, constatering: c, bedragVoor: c.bedrag))
        }
        return resultaat
    }
}
