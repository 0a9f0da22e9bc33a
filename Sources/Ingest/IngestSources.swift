/// The sources of one ingest in the order they are taken, a folder's files found as they are
/// reached: memory does not grow with the number of files.
public struct IngestSources: Sequence, Sendable {
    enum Argument: Sendable {
        case source(IngestSource)
        /// A folder argument, listed when it was counted.
        case folder(XMLFileWalk.Listing)
    }

    /// How many sources there were when the arguments were expanded, for progress.
    public let count: Int
    private let arguments: [Argument]

    init(arguments: [Argument], count: Int) {
        self.arguments = arguments
        self.count = count
    }

    public func makeIterator() -> Iterator { Iterator(arguments: arguments.makeIterator()) }

    public struct Iterator: IteratorProtocol {
        private var arguments: IndexingIterator<[Argument]>
        private var walk: XMLFileWalk?
        /// The entries of the archive being taken, the next one last.
        private var entries: [IngestSource] = []

        fileprivate init(arguments: IndexingIterator<[Argument]>) { self.arguments = arguments }

        public mutating func next() -> IngestSource? {
            while true {
                if let entry = entries.popLast() { return entry }
                if let path = walk?.next() { return opened(.file(path)) }
                walk = nil
                switch arguments.next() {
                case nil: return nil
                case .source(let source): return opened(source)
                case .folder(let listing): walk = XMLFileWalk(listing)
                }
            }
        }

        /// A ZIP's first entry, its others queued; an archive that cannot be listed is handed out
        /// as the file itself, so the ingest refuses it whole, by name. Other sources as they are.
        private mutating func opened(_ source: IngestSource) -> IngestSource? {
            guard case .file(let path) = source, ZIPArchief.isArchive(path),
                let listed = try? ZIPArchief.entries(path)
            else { return source }
            entries = listed.reversed().map { .zipEntry(archive: path, index: $0.index, entry: $0.name) }
            return entries.popLast() ?? next()
        }
    }
}
