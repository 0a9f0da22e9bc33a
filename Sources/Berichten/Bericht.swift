/// One decoded iWmo/iJw 3.x message: which message it is, its header and its typed content.
public struct Bericht: Sendable, Hashable {
    public var standaard: Standaard
    public var release: Release
    public var berichttype: Berichttype
    public var header: Header
    public var inhoud: Inhoud

    public init(standaard: Standaard, release: Release, berichttype: Berichttype, header: Header, inhoud: Inhoud) {
        self.standaard = standaard
        self.release = release
        self.berichttype = berichttype
        self.header = header
        self.inhoud = inhoud
    }
}
