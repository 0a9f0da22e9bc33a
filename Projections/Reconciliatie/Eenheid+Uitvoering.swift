import Berichten

/// The uitvoeringsvariant of a toewijzing, read from the data: its Eenheid (report §5, §7).
///
/// 82 stuks (output) and 83 euro's pay for an agreed output; 01 minuut, 04 uur, 14 etmaal,
/// 16 dagdeel and 84 stuks (inspanning) pay for effort. The contract's uitvoeringsvariant is
/// not in the messages, and the Eenheid is the one field the standard ties to it. Euro's count
/// in eurocent, in the toewijzing's Volume as in the GeleverdVolume (IV042, CS339).
extension Eenheid {
    var isOutputgericht: Bool { self == .stuksOutput || self == .euro }
}
