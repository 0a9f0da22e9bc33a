import Foundation
import Ledger

/// The `BerichtMetadata` record of VECOZO's VSP-Koppeling Berichtuitwisseling REST Pull v1, as a
/// pull client saves it beside the payload it downloaded (report §9.2). Only what the ledger keeps
/// is read; the record itself is kept whole as the envelope's bytes.
struct VSPBerichtMetadata: Decodable {
    struct Basisgegevens: Decodable {
        var ontvangenOp: String
        var payload: Payload
    }

    struct Payload: Decodable {
        var grootte: Int?
        var checksum: Checksum
    }

    struct Checksum: Decodable {
        var algoritme: String
        var waarde: String
    }

    struct Relatie: Decodable {
        var rol: String
        var code: String?
    }

    struct Routeringgegevens: Decodable {
        var afzender: Relatie
        var geadresseerden: [Relatie]
    }

    struct Referentiegegevens: Decodable {
        var conversatieId: String
        var traceerId: String
        var alsAntwoordOp: String?
    }

    var basisgegevens: Basisgegevens
    var routeringgegevens: Routeringgegevens
    var referentiegegevens: Referentiegegevens

    /// A record is small; anything larger is not one.
    static let maximumSize = 1 << 20

    /// - throws: a one-line reason when `bytes` is not a BerichtMetadata record.
    static func read(_ bytes: [UInt8]) throws(IngestError) -> VSPBerichtMetadata {
        do {
            return try JSONDecoder().decode(VSPBerichtMetadata.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, context) {
            let path = (context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".")
            throw IngestError("not a VSP BerichtMetadata record: \(path) is missing")
        } catch {
            throw IngestError("not a VSP BerichtMetadata record (JSON of another shape)")
        }
    }

    /// Checks the payload against the record's checksum, with the algorithm it names.
    func check(payload: [UInt8]) throws(IngestError) {
        let checksum = basisgegevens.payload.checksum
        guard checksum.algoritme.uppercased() == "SHA256" else {
            throw IngestError("checksum algoritme \(checksum.algoritme) is not supported (SHA256 is)")
        }
        guard Digest(of: payload).description == checksum.waarde.lowercased() else {
            throw IngestError("the payload does not match its SHA256 checksum")
        }
    }

    func aflevering(envelop: [UInt8]) -> Aflevering {
        Aflevering(
            transport: .vecozo, transportId: referentiegegevens.traceerId,
            conversatieId: referentiegegevens.conversatieId, alsAntwoordOp: referentiegegevens.alsAntwoordOp,
            ontvangen: basisgegevens.ontvangenOp, afzender: routeringgegevens.afzender.code,
            ontvanger: routeringgegevens.geadresseerden.compactMap(\.code).joined(separator: ","), envelop: envelop)
    }
}
