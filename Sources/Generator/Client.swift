internal import Berichten

/// The person a trajectory is about, with the personal data a 301 carries in full and the
/// regieberichten carry in short.
struct Client {
    var bsn: String
    var geboortedatum: Datum
    var geslacht: String
    var achternaam: String
    var voorvoegsel: String?
    var voornamen: String
    var voorletters: String
    var adres: Adres
    var telefoon: String?
    /// A parent as Relatie (iJw only: jeugdhulp clients are minors).
    var ouder: Ouder?

    struct Adres {
        var huisnummer: Int
        var huisletter: String?
        var postcode: String
        var straatnaam: String
        var plaatsnaam: String
    }

    struct Ouder {
        var achternaam: String
        var voorvoegsel: String?
        var voornamen: String
        var voorletters: String
        var geslacht: String
    }

    init(index: Int, standaard: Standaard, gemeente: Gemeente, eersteDag: Datum, random: inout Random, seed: UInt64) {
        bsn = Client.bsn(index: index, seed: seed)
        let leeftijd = standaard == .iJw ? random.inRange(2...17) : random.inRange(24...92)
        geboortedatum = eersteDag.plus(dagen: -(leeftijd * 365 + random.below(365)))
        geslacht = random.chance(3) ? "0" : (random.chance(50) ? "1" : "2")
        let naam = random.pick(Client.achternamen)
        achternaam = naam.achternaam
        voorvoegsel = naam.voorvoegsel
        let eerste = random.below(Client.voornamen.count)
        let voornaam = Client.voornamen[eerste]
        let tweede =
            random.chance(40)
            ? Client.voornamen[(eerste + 1 + random.below(Client.voornamen.count - 1)) % Client.voornamen.count] : nil
        voornamen = tweede.map { "\(voornaam) \($0)" } ?? voornaam
        voorletters = String(voornaam.prefix(1)) + (tweede.map { String($0.prefix(1)) } ?? "")
        let letters = Array("ABCDEFGHJKLMNPRSTVWXZ")
        adres = Adres(
            huisnummer: random.inRange(1...240),
            huisletter: random.chance(10) ? random.pick(["A", "B", "C"]) : nil,
            postcode: "\(gemeente.postcodePrefix)\(random.inRange(10...99))\(random.pick(letters))\(random.pick(letters))",
            straatnaam: random.pick(Client.straten),
            plaatsnaam: gemeente.plaats)
        telefoon = random.chance(60) ? "06" + Format.padded(random.below(100_000_000), width: 8) : nil
        if standaard == .iJw {
            let ouderNaam = random.chance(70) ? naam : random.pick(Client.achternamen)
            let ouderVoornaam = random.pick(Client.ouderVoornamen)
            ouder = Ouder(
                achternaam: ouderNaam.achternaam, voorvoegsel: ouderNaam.voorvoegsel, voornamen: ouderVoornaam,
                voorletters: String(ouderVoornaam.prefix(1)), geslacht: random.chance(50) ? "1" : "2")
        }
    }

    /// A BSN that passes the 11-proef and is unique per client index.
    ///
    /// Digits d0…d6 are the index spread by a multiplier coprime with 10⁷, so they differ per client;
    /// d7 is chosen so that the check digit d8 = Σ dᵢ·(9−i) mod 11 is not 10 (changing d7 by one
    /// changes the sum by 2, so at most one extra try is needed).
    static func bsn(index: Int, seed: UInt64) -> String {
        let verschuiving = Int(Random.mix(seed ^ 0xB5) % 10_000_000)
        let basis = (index &* 3_456_793 &+ verschuiving) % 10_000_000
        var cijfers = Array(Format.padded(basis, width: 7).utf8.map { Int($0 - 48) })
        var d7 = Int(Random.mix(UInt64(index) ^ seed) % 10)
        var som = 0
        for (positie, cijfer) in cijfers.enumerated() { som += cijfer * (9 - positie) }
        if (som + d7 * 2) % 11 == 10 { d7 = (d7 + 1) % 10 }
        cijfers.append(d7)
        cijfers.append((som + d7 * 2) % 11)
        return String(decoding: cijfers.map { UInt8($0 + 48) }, as: UTF8.self)
    }

    private static let achternamen: [(achternaam: String, voorvoegsel: String?)] = [
        ("Jansen", nil), ("Vries", "de"), ("Berg", "van den"), ("Bakker", nil), ("Visser", nil),
        ("Smit", nil), ("Meijer", nil), ("Boer", "de"), ("Mulder", nil), ("Groot", "de"), ("Bos", nil),
        ("Vos", nil), ("Peters", nil), ("Hendriks", nil), ("Leeuwen", "van"), ("Dekker", nil),
        ("Brouwer", nil), ("Wit", "de"), ("Dijkstra", nil), ("Meer", "van der"), ("Kok", nil),
        ("Yılmaz", nil), ("Öztürk", nil), ("El Idrissi", nil), ("Nguyễn", nil), ("Çelik", nil),
        ("Bouzid", nil), ("Kaya", nil), ("Haan", "de"), ("Wijk", "van"),
    ]

    private static let voornamen = [
        "Noah", "Emma", "Liam", "Julia", "Mila", "Daan", "Sem", "Yara", "Zoë", "Lucas", "Tess", "Mohamed",
        "Nora", "Finn", "Saar", "Levi", "Anouk", "Bram", "Sophie", "Thijs", "Ayoub", "Chloé", "Jesse", "Fenna",
        "Johanna", "Cornelis", "Hendrika", "Willem", "Geertruida", "Pieter", "Aaltje", "Jan", "Maria", "Gerrit",
    ]

    private static let ouderVoornamen = [
        "Sanne", "Mark", "Linda", "Dennis", "Fatima", "Rachid", "Marieke", "Jeroen", "Esra", "Bas", "Ilse", "Kevin",
    ]

    private static let straten = [
        "Kerkstraat", "Dorpsstraat", "Schoolstraat", "Molenweg", "Stationsweg", "Julianastraat",
        "Beatrixlaan", "Nieuwstraat", "Wilhelminaplein", "Parallelweg", "Eikenlaan", "Lindenhof",
        "Burgemeester de Withof", "Vondelstraat", "Rembrandtlaan", "Prinsengracht",
    ]
}
