import Kenmerken
import Ledger

extension EventMetadata {
    /// Records how the message was delivered beside its header facts.
    mutating func record(_ aflevering: Aflevering) {
        transport = aflevering.transport.rawValue
        transportId = aflevering.transportId
        conversatieId = aflevering.conversatieId
        alsAntwoordOp = aflevering.alsAntwoordOp
        ontvangen = aflevering.ontvangen
        envelopAfzender = aflevering.afzender
        envelopOntvanger = aflevering.ontvanger
        envelop = aflevering.envelop
    }
}
