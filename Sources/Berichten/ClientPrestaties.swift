/// One client's lines in a declaratie (323) or declaratie-antwoord (325).
public struct ClientPrestaties: Sendable, Hashable {
    public var client: Client
    public var prestaties: [Prestatie]

    public init(client: Client, prestaties: [Prestatie]) {
        self.client = client
        self.prestaties = prestaties
    }
}
