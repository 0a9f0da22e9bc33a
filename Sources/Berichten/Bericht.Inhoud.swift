extension Bericht {
    /// The content after the header, one case per message type.
    ///
    /// A retour repeats its heenbericht's content with RetourCodes per class, but leaves the
    /// content out when everything was accepted or the header was rejected; hence the optionals
    /// (and empty lists) in the retour cases.
    public enum Inhoud: Sendable, Hashable {
        case toewijzing(client: Client, producten: [ToegewezenProduct])
        case toewijzingRetour(client: Client?, producten: [ToegewezenProduct])
        case start(client: Client, producten: [StartProduct])
        case startRetour(client: Client?, producten: [StartProduct])
        case stop(client: Client, producten: [StopProduct])
        case stopRetour(client: Client?, producten: [StopProduct])
        /// `gezagsdragerBekend` exists in iJw only.
        case verzoekOmToewijzing(client: Client, gezagsdragerBekend: Bool?, producten: [AangevraagdProduct])
        case verzoekOmToewijzingRetour(client: Client?, gezagsdragerBekend: Bool?, producten: [AangevraagdProduct])
        case verzoekOmWijziging(client: Client, verzoek: Verzoek)
        case verzoekOmWijzigingRetour(client: Client?, verzoek: Verzoek?)
        case antwoord(Antwoord)
        case antwoordRetour(Antwoord?)
        case declaratie(Declaratie)
        case declaratieAntwoord(DeclaratieAntwoord?)
    }
}
