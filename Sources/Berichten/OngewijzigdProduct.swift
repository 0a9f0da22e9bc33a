/// A current toewijzing a VOW wants to keep as it is.
public struct OngewijzigdProduct: Sendable, Hashable {
    public var toewijzingNummer: Int
    public var retourCodes: [String]

    public init(toewijzingNummer: Int, retourCodes: [String] = []) {
        self.toewijzingNummer = toewijzingNummer
        self.retourCodes = retourCodes
    }
}
