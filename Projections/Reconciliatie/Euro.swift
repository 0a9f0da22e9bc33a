/// Amounts in a toelichting as people in the Netherlands read them: `€ 1.234,56`.
enum Euro {
    static func tekst(_ cents: Int) -> String {
        let teken = cents < 0 ? "-" : ""
        var heel = String(cents.magnitude / 100)
        var gegroepeerd = ""
        while heel.count > 3 {
            gegroepeerd = "." + heel.suffix(3) + gegroepeerd
            heel.removeLast(3)
        }
        let rest = cents.magnitude % 100
        return "€ " + teken + heel + gegroepeerd + "," + (rest < 10 ? "0" : "") + String(rest)
    }
}
