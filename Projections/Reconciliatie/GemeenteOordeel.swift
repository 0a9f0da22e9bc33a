/// The gemeente's verdict on a prestatie, from its 325 (cli.md): beside our finding, what the
/// gemeente itself decided. A 325 approves or rejects each prestatie whole (report §6.1, IV087).
public enum GemeenteOordeel: String, Sendable, Hashable {
    /// A 325 answered the prestatie's 323 without listing it.
    case toegekend
    /// The 325 lists it with its RetourCodes.
    case afgewezen
    /// No 325 yet.
    case open
}
