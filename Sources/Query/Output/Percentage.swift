enum Percentage {
    /// `0.875` → `87.5`: one decimal, with the decimal separator of the format.
    static func text(_ share: Double, decimal: String) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10)\(decimal)\(tenths % 10)"
    }
}
