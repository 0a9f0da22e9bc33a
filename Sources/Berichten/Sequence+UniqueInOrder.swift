extension Sequence where Element: Hashable {
    /// The elements without repeats, in the order they first appear: a message's BSNs, a
    /// prestatie's retourcodes. Most such lists hold a handful, which a search through the kept
    /// ones finds faster than hashing; past 16 kept elements they are hashed. Inlinable, so each
    /// caller gets a copy for its element type instead of generic code that looks up conformances.
    @inlinable
    public func uniqueInOrder() -> [Element] {
        let searched = 16
        var unique: [Element] = []
        var hashed = Set<Element>()
        for element in self {
            if unique.count < searched {
                if unique.contains(element) { continue }
            } else {
                if hashed.isEmpty { hashed = Set(unique) }
                if !hashed.insert(element).inserted { continue }
            }
            unique.append(element)
        }
        return unique
    }
}
