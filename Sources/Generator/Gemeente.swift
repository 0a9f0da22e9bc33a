/// A municipality as it appears in the traffic: its 4-digit CBS code and the town used in addresses.
struct Gemeente {
    var code: String
    var plaats: String
    var postcodePrefix: Int

    /// Real CBS codes, so that TR378 (code on the CBS list) would hold.
    static let alle: [Gemeente] = [
        Gemeente(code: "0363", plaats: "Amsterdam", postcodePrefix: 10),
        Gemeente(code: "0518", plaats: "'s-Gravenhage", postcodePrefix: 25),
        Gemeente(code: "0599", plaats: "Rotterdam", postcodePrefix: 30),
        Gemeente(code: "0344", plaats: "Utrecht", postcodePrefix: 35),
        Gemeente(code: "0772", plaats: "Eindhoven", postcodePrefix: 56),
        Gemeente(code: "0014", plaats: "Groningen", postcodePrefix: 97),
    ]
}
