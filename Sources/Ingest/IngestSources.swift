/// The sources of one ingest in the order they are taken, a folder's files found as they are
/// reached: memory does not grow with the number of files.
public struct IngestSources: Sequence, Sendable {
    enum Argument: Sendable {
        case source(IngestSource)
        case folder(String)
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

        fileprivate init(arguments: IndexingIterator<[Argument]>) { self.arguments = arguments }

        public mutating func next() -> IngestSource? {
            while true {
                if let path = walk?.next() { return .file(path) }
                walk = nil
                switch arguments.next() {
                case nil: return nil
                case .source(let source): return source
                case .folder(let folder): walk = XMLFileWalk(folder)
                }
            }
        }
    }
}
