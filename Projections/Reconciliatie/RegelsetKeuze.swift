/// The body of a `regelset` event: the line `regelset N`.
public enum RegelsetKeuze {
    public static func inhoud(versie: Int) -> [UInt8] { Array("regelset \(versie)\n".utf8) }

    /// The version a body selects; nil for anything else.
    public static func versie(uit inhoud: [UInt8]) -> Int? {
        let tekst = String(decoding: inhoud, as: UTF8.self)
        guard tekst.hasPrefix("regelset "), tekst.hasSuffix("\n") else { return nil }
        return Int(tekst.dropFirst(9).dropLast())
    }
}
