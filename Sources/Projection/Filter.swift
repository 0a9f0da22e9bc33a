public import Berichten

/// The filters of the read commands; each query uses those that apply to its rows.
public struct Filter: Sendable, Equatable {
    public var gemeente: String?
    public var aanbieder: String?
    public var bsn: String?
    public var toewijzing: Int?
    public var status: String?
    /// Rows whose period (or dagtekening) ends on or after this date.
    public var van: Datum?
    /// Rows whose period (or dagtekening) starts on or before this date.
    public var tot: Datum?
    /// The reference date for date-dependent statuses.
    public var peildatum: Datum

    public init(
        gemeente: String? = nil, aanbieder: String? = nil, bsn: String? = nil, toewijzing: Int? = nil,
        status: String? = nil, van: Datum? = nil, tot: Datum? = nil, peildatum: Datum
    ) {
        self.gemeente = gemeente
        self.aanbieder = aanbieder
        self.bsn = bsn
        self.toewijzing = toewijzing
        self.status = status
        self.van = van
        self.tot = tot
        self.peildatum = peildatum
    }
}
