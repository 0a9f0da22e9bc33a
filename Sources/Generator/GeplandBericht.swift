/// A message scheduled for a month, kept small until it is rendered: bytes are produced only when
/// the iterator hands the message out.
struct GeplandBericht {
    enum Bron {
        case heen(Traject, stap: Int)
        case retour(Traject, stap: Int)
        case declaratie(Declaratie)
        case declaratieAntwoord(Declaratie)
    }

    var bron: Bron
    var aankomst: Moment
    /// Breaks ties between equal arrival moments in a deterministic way.
    var sequence: Int
}
