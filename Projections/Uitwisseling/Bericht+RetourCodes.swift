public import Berichten

extension Bericht {
    /// Every RetourCode in the message at any level, each once, in order of appearance.
    public var retourCodes: [String] {
        var codes = header.retourCodes
        switch inhoud {
        case .toewijzingRetour(let client, let producten):
            codes += (client?.retourCodes ?? []) + producten.flatMap(\.retourCodes)
        case .startRetour(let client, let producten):
            codes += (client?.retourCodes ?? []) + producten.flatMap(\.retourCodes)
        case .stopRetour(let client, let producten):
            codes += (client?.retourCodes ?? []) + producten.flatMap(\.retourCodes)
        case .verzoekOmToewijzingRetour(let client, _, let producten):
            codes += (client?.retourCodes ?? []) + producten.flatMap(\.retourCodes)
        case .verzoekOmWijzigingRetour(let client, let verzoek):
            codes += (client?.retourCodes ?? []) + (verzoek?.retourCodes ?? [])
        case .antwoordRetour(let antwoord):
            codes += antwoord?.retourCodes ?? []
        case .declaratieAntwoord(let antwoord):
            codes += antwoord?.retourCodes ?? []
            for client in antwoord?.clienten ?? [] {
                codes += client.client.retourCodes + client.prestaties.flatMap(\.retourCodes)
            }
        case .toewijzing, .start, .stop, .verzoekOmToewijzing, .verzoekOmWijziging, .antwoord, .declaratie:
            break
        }
        return codes.uniqueInOrder()
    }

    /// True when this retour rejects its whole heenbericht (report §6.1, cli.md): it carries a
    /// code other than 0200 (accepted) and 0233 (not assessed). A 325 judges its prestaties
    /// one by one, so only its header and DeclaratieAntwoord levels count there, where 8001
    /// (fully awarded) also accepts.
    public var wijstHeenberichtAf: Bool {
        if case .declaratieAntwoord = inhoud { return !afwijzendeDeclaratieCodes.isEmpty }
        return berichttype.isRetour && retourCodes.contains { $0 != "0200" && $0 != "0233" }
    }

    /// For a 325: the RetourCodes of its header and DeclaratieAntwoord that do not accept the
    /// declaratie (any but 0200, 0233 and 8001), in order; empty for every other message.
    public var afwijzendeDeclaratieCodes: [String] {
        guard case .declaratieAntwoord(let antwoord) = inhoud else { return [] }
        return (header.retourCodes + (antwoord?.retourCodes ?? [])).filter { $0 != "0200" && $0 != "0233" && $0 != "8001" }
    }
}
