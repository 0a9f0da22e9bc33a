/// Which metadata columns make an event's natural identity, and so what `append` does with a
/// re-delivery: bytes whose identity and content hash match an earlier event are a duplicate and
/// write nothing; other bytes with the identity of an earlier event are appended and marked as a
/// conflict of it. An event lacking a required column has no identity and is always appended.
public struct IdentityPolicy: Sendable, Hashable {
    /// Columns (indexes into ``EventDescription/columns``) that must be set for an identity.
    public var required: [Int]
    /// Columns that are part of the identity when set; unset matches unset.
    public var optional: [Int]
    /// A column naming one delivery of an event (a transport's own id for it), or nil: an event
    /// whose value there is an earlier event's is a duplicate of that event, whatever its bytes.
    public var delivery: Int?

    public init(required: [Int], optional: [Int] = [], delivery: Int? = nil) {
        self.required = required
        self.optional = optional
        self.delivery = delivery
    }

    /// The identity of `metadata`: its values in the columns `required + optional`, or nil.
    package func identity(of metadata: EventMetadata) -> [MetadataValue?]? {
        var values: [MetadataValue?] = []
        values.reserveCapacity(required.count + optional.count)
        for column in required {
            guard let value = metadata[column] else { return nil }
            values.append(value)
        }
        for column in optional { values.append(metadata[column]) }
        return values
    }
}
