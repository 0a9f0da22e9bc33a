import Berichten

extension Aflevering {
    /// The message a source delivers, its exact bytes, and how it came: a ZIP entry, a VSP record
    /// with its payload beside it, a GGK envelope, or a plain message.
    /// - throws: ``IngestError`` with the one-line reason the source is refused.
    static func open(_ source: IngestSource) throws(IngestError) -> (bericht: [UInt8], aflevering: Aflevering) {
        switch source {
        case .zipEntry:
            return (try read(source), Aflevering(transport: .vecozo))
        case .file(let path) where ZIPArchief.isArchive(path):
            // Reached only when the archive could not be listed: say why.
            _ = try ZIPArchief.entries(path)
            throw IngestError("the archive changed while it was read")
        case .file(let path) where path.lowercased().hasSuffix(".json"):
            return try vsp(record: path)
        default:
            let bytes = try read(source, limit: StUFEnvelop.maximumSize)
            guard StUFEnvelop.looksLikeEnvelop(bytes) else {
                guard bytes.count <= MessageFile.maximumSize else { throw tooLarge(bytes.count) }
                return (bytes, .bestand)
            }
            do {
                let envelop = try StUFEnvelop.read(bytes)
                return (envelop.bericht, Aflevering(
                    transport: .ggk, transportId: envelop.referentienummer, alsAntwoordOp: envelop.crossRefnummer,
                    ontvangen: envelop.tijdstipBericht, afzender: envelop.zender, ontvanger: envelop.ontvanger,
                    envelop: bytes))
            } catch where error.kind == .notAnIStandaardenMessage && bytes.count <= MessageFile.maximumSize {
                // Another root element: a message that merely mentions an envelope near its start.
                return (bytes, .bestand)
            } catch {
                throw IngestError("not a usable GGK envelope: \(error.description)")
            }
        }
    }

    /// A VSP REST Pull download: the BerichtMetadata record at `path` and its payload `NAME.xml` beside it.
    private static func vsp(record path: String) throws(IngestError) -> (bericht: [UInt8], aflevering: Aflevering) {
        let record = try read(.file(path))
        guard record.count <= VSPBerichtMetadata.maximumSize else {
            throw IngestError("\(record.count) bytes is too large for a VSP BerichtMetadata record")
        }
        let metadata = try VSPBerichtMetadata.read(record)
        let payloadPath = String(path.dropLast(".json".count)) + ".xml"
        let payload: [UInt8]
        do {
            payload = try MessageFile.read(.file(payloadPath))
        } catch {
            let name = IngestSource.file(payloadPath).name ?? payloadPath
            throw IngestError("the metadata record has no payload \(name) beside it")
        }
        try metadata.check(payload: payload)
        return (payload, metadata.aflevering(envelop: record))
    }

    private static func read(_ source: IngestSource, limit: Int = MessageFile.maximumSize) throws(IngestError) -> [UInt8] {
        do {
            return try MessageFile.read(source, limit: limit)
        } catch {
            switch error {
            case .unreadable(let reason):
                if case .zipEntry = source { throw IngestError(reason) }
                throw IngestError("cannot read the file: \(reason)")
            case .tooLarge(let size): throw tooLarge(size)
            }
        }
    }

    private static func tooLarge(_ size: Int) -> IngestError {
        IngestError("\(size) bytes is larger than the 25 MB a message may have (OP179)")
    }
}
