import ArgumentParser
import Kenmerken
import Ledger
import Query

struct BerichtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bericht",
        abstract: "Show one message of the log, or write its exact original bytes.",
        discussion: """
            BSNs are shown masked (*****6789) unless the global --show-personal is given. The envelope it came in \
            (transport, transportId, conversatieId, alsAntwoordOp, ontvangen, envelopAfzender, envelopOntvanger, \
            envelopBytes) is shown beside the message; --envelop writes the envelope's exact bytes.

            Example:
              zorgledger bericht 42 --raw > JW301-42.xml
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The message's position in the log.")
    var position: Int64

    @Flag(help: "Write the exact original bytes to standard output.")
    var raw = false

    @Flag(help: "Write the exact bytes of the envelope the message came in (a VSP record, a StUF envelope).")
    var envelop = false

    func validate() throws {
        guard !(raw && envelop) else { throw ValidationError("--raw and --envelop exclude each other") }
    }

    func run() throws {
        let event = try global.openForReading().event(at: position)
        if raw {
            Terminal.write(event.payload)
            return
        }
        if envelop {
            guard let bytes = event.metadata.envelop else {
                throw CommandFailure("the message at position \(position) came without an envelope")
            }
            Terminal.write(bytes)
            return
        }
        let metadata = event.metadata
        let table = ResultTable(columns: [
            .init("positie", nil, .integer), .init("soort"), .init("standaard"), .init("berichttype"),
            .init("afzender"), .init("ontvanger"), .init("identificatie"), .init("dagtekening"),
            .init("identificatieRetour"), .init("bestand"), .init("vastgelegd"), .init("bytes", nil, .integer),
            .init("inhoudHash"), .init("ketenHash"), .init("bsns", nil, .list), .init("transport"),
            .init("transportId"), .init("conversatieId"), .init("alsAntwoordOp"), .init("ontvangen"),
            .init("envelopAfzender"), .init("envelopOntvanger"), .init("envelopBytes", nil, .integer),
        ], rows: [[
            .integer(event.position), .text(event.kind.rawValue), .text(event.metadata.standaard),
            .text(event.metadata.berichttype), .text(event.metadata.afzender), .text(event.metadata.ontvanger),
            .text(event.metadata.identificatie), .text(event.metadata.dagtekening),
            .text(event.metadata.identificatieRetour), .text(event.source), .text(event.recordedAt),
            .integer(Int64(event.payload.count)), .text(event.contentHash.description),
            .text(event.chainHash.description), .list(event.metadata.bsns.map(global.personalData.bsn)),
            .text(metadata.transport), .text(metadata.transportId), .text(metadata.conversatieId),
            .text(metadata.alsAntwoordOp), .text(metadata.ontvangen), .text(metadata.envelopAfzender),
            .text(metadata.envelopOntvanger), .integer(metadata.envelop.map { Int64($0.count) }),
        ]])
        print(table.rendered(as: output.resolvedFormat), terminator: "")
    }
}
