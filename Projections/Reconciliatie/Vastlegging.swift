/// The payload of a `contract` or `regelset` event: who recorded what, and when, followed by
/// the exact bytes of what was recorded.
///
/// ```
/// zorgledger-vastlegging 1
/// door: j.jansen
/// op: 2026-03-02T09:15:00.000Z
///
/// gemeente,aanbieder,…            ← the CSV (or `regelset 2`), byte for byte
/// ```
/// A header like a mail's keeps the recorded file intact and readable with `bericht N --raw`;
/// the ledger's own `recorded_at` says when the ledger stored it, `op` when the user asked.
public struct Vastlegging: Sendable, Hashable {
    public var door: String
    /// UTC, ISO 8601.
    public var op: String
    public var inhoud: [UInt8]

    static let kop = "zorgledger-vastlegging 1"

    public init(door: String, op: String, inhoud: [UInt8]) {
        self.door = door
        self.op = op
        self.inhoud = inhoud
    }

    /// Parses a payload; nil when it is not a vastlegging.
    public init?(_ bytes: [UInt8]) {
        var regels: [String] = []
        var index = bytes.startIndex
        while index < bytes.endIndex, regels.count < 4 {
            let einde = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            regels.append(String(decoding: bytes[index..<einde], as: UTF8.self))
            index = min(einde + 1, bytes.endIndex)
        }
        guard regels.count == 4, regels[0] == Self.kop, regels[1].hasPrefix("door: "), regels[2].hasPrefix("op: "),
            regels[3].isEmpty
        else { return nil }
        door = String(regels[1].dropFirst(6))
        op = String(regels[2].dropFirst(4))
        inhoud = Array(bytes[index...])
    }

    public var bytes: [UInt8] {
        Array("\(Self.kop)\ndoor: \(door)\nop: \(op)\n\n".utf8) + inhoud
    }
}
