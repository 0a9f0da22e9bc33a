/// Amounts as people in the Netherlands read them: `1.234,56`.
public enum Euro {
    public static func format(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        var whole = String(magnitude / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "." + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        let fraction = magnitude % 100
        return sign + whole + grouped + "," + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
