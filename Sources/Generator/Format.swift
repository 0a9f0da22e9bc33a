/// Small formatting helpers for identifiers, kept free of Foundation.
enum Format {
    /// `value` in decimal, left-padded with zeros to `width` digits.
    static func padded(_ value: Int, width: Int) -> String {
        let decimal = String(value)
        return decimal.count >= width ? decimal : String(repeating: "0", count: width - decimal.count) + decimal
    }

    /// `value` in upper-case base 36: compact, alphanumeric identifiers (fits LDT_IdentificatieBericht).
    static func base36(_ value: UInt64) -> String {
        String(value, radix: 36, uppercase: true)
    }
}
