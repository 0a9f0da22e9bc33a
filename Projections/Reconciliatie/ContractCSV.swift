import Berichten

/// Reads contract tariffs from CSV (README "Contract data").
///
/// UTF-8, comma-separated, one header line with exactly these columns, then one tariff a line:
/// `gemeente,aanbieder,productcategorie,productcode,begindatum,einddatum,tarief`, where gemeente
/// is the 4-digit CBS code, aanbieder the 8-digit AGB code, begindatum/einddatum `YYYY-MM-DD`
/// (einddatum empty for no end) and tarief whole eurocent per eenheid. An optional 8th column
/// `eenheid` (codelist Eenheid, e.g. 04 uur, 01 minuut) names the unit the tarief is per; without
/// it, or left empty, the tarief is per the prestatie's own Eenheid (cli.md "Contract tariffs").
/// Empty lines are skipped; two lines for the same product whose periods overlap are refused, so
/// that a prestatie never has two contract tariffs.
public enum ContractCSV {
    public static let kolommen = [
        "gemeente", "aanbieder", "productcategorie", "productcode", "begindatum", "einddatum", "tarief",
    ]
    /// The optional last column.
    public static let eenheidKolom = "eenheid"

    /// - throws: ``ContractFout`` naming `bestand` and the first line that is wrong.
    public static func regels(_ bytes: [UInt8], bestand: String) throws(ContractFout) -> [Contractregel] {
        guard let tekst = String(validating: bytes, as: UTF8.self) else {
            throw ContractFout(bestand: bestand, melding: "not UTF-8 text")
        }
        var resultaat: [Contractregel] = []
        var perProduct: [[String]: [(regel: Int, tarief: Contractregel)]] = [:]
        var kop: [String] = []
        // "\r\n" is one Character in Swift, so both line ends are named.
        let regels = tekst.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, velden) in regels.enumerated() {
            let regel = index + 1
            if velden.allSatisfy({ $0 == " " }) { continue }
            let kolommen = velden.split(separator: ",", omittingEmptySubsequences: false).map {
                String($0).trimmingSpaces
            }
            func fout(_ melding: String) -> ContractFout { ContractFout(bestand: bestand, regel: regel, melding: melding) }
            guard !kop.isEmpty else {
                let namen = kolommen.map { $0.lowercased() }
                guard namen == Self.kolommen || namen == Self.kolommen + [Self.eenheidKolom] else {
                    throw fout("the header must be \(Self.kolommen.joined(separator: ",")) (and optionally ,eenheid)")
                }
                kop = namen
                continue
            }
            guard kolommen.count == kop.count else {
                throw fout("expected \(kop.count) fields, found \(kolommen.count)")
            }
            let tarief = try Self.regel(kolommen, fout: fout)
            let product = [tarief.gemeente, tarief.aanbieder, tarief.productCategorie, tarief.productCode]
            if let eerder = perProduct[product, default: []].first(where: { $0.tarief.overlapt(tarief) }) {
                throw fout("the period overlaps line \(eerder.regel) for the same gemeente, aanbieder and product")
            }
            perProduct[product, default: []].append((regel, tarief))
            resultaat.append(tarief)
        }
        guard !kop.isEmpty else { throw ContractFout(bestand: bestand, melding: "empty file, no header line") }
        return resultaat
    }

    private static func regel(
        _ velden: [String], fout: (String) -> ContractFout
    ) throws(ContractFout) -> Contractregel {
        func cijfers(_ tekst: String, _ aantal: Int) -> Bool {
            tekst.utf8.count == aantal && tekst.utf8.allSatisfy { (0x30...0x39).contains($0) }
        }
        guard cijfers(velden[0], 4) else { throw fout("gemeente '\(velden[0])' is not a 4-digit CBS code") }
        guard cijfers(velden[1], 8) else { throw fout("aanbieder '\(velden[1])' is not an 8-digit AGB code") }
        guard cijfers(velden[2], 2) else { throw fout("productcategorie '\(velden[2])' is not 2 digits") }
        guard velden[3].utf8.count == 5, velden[3].utf8.allSatisfy({ $0 < 0x80 && $0 != 0x20 }) else {
            throw fout("productcode '\(velden[3])' is not 5 characters")
        }
        guard let begindatum = Datum(velden[4]) else { throw fout("begindatum '\(velden[4])' is not YYYY-MM-DD") }
        var einddatum: Datum?
        if !velden[5].isEmpty {
            guard let datum = Datum(velden[5]) else { throw fout("einddatum '\(velden[5])' is not YYYY-MM-DD") }
            guard datum >= begindatum else { throw fout("einddatum \(datum) lies before begindatum \(begindatum)") }
            einddatum = datum
        }
        guard let tarief = Int(velden[6]), tarief >= 0, velden[6].utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw fout("tarief '\(velden[6])' is not a whole number of eurocent")
        }
        var eenheid: Eenheid?
        if velden.count > 7, !velden[7].isEmpty {
            guard let code = Eenheid(rawValue: velden[7]) else {
                throw fout("eenheid '\(velden[7])' is not in codelist Eenheid (01, 04, 14, 16, 82, 83, 84)")
            }
            eenheid = code
        }
        return Contractregel(
            gemeente: velden[0], aanbieder: velden[1], productCategorie: velden[2], productCode: velden[3],
            begindatum: begindatum, einddatum: einddatum, tarief: tarief, eenheid: eenheid)
    }
}

private extension String {
    var trimmingSpaces: String {
        var kopie = Substring(self)
        while kopie.first == " " { kopie.removeFirst() }
        while kopie.last == " " { kopie.removeLast() }
        return String(kopie)
    }
}
