// Compiled into one module with the sources of Sources/Berichten by `Fuzz/run`, so the decoder
// itself is instrumented for coverage (and checked by AddressSanitizer) without a package change.

internal import Glibc

/// Bytes that make the fuzzer crash on purpose when an input contains them, taken from
/// `ZORGLEDGER_FUZZ_PLANT`: the fuzz test plants them to prove that a crash is caught and kept.
/// Unset (always, outside that test), nothing changes.
private let geplant: [UInt8]? = getenv("ZORGLEDGER_FUZZ_PLANT").map { Array(String(cString: $0).utf8) }

/// libFuzzer's entry point: any bytes must either decode, and then yield their bevindingen, or
/// throw a `BerichtError`; a crash, a hang, a leak or an out-of-bounds access is a finding. So is
/// a message the decoder's own scanner reads differently from libxml2: whatever the scanner takes
/// must be the same ``Bericht`` when libxml2 reads it.
@_cdecl("LLVMFuzzerTestOneInput")
public func berichtFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    if let geplant, !geplant.isEmpty, size >= geplant.count, let data {
        let invoer = UnsafeBufferPointer(start: data, count: size)
        if (0...(size - geplant.count)).contains(where: { invoer[$0..<$0 + geplant.count].elementsEqual(geplant) }) {
            fatalError("planted crash")
        }
    }
    let buffer = UnsafeRawBufferPointer(start: data, count: size)
    if let bericht = try? BerichtDecoder.decode(buffer) {
        _ = bericht.bevindingen()
    }
    if size > 0, let gescand = try? BerichtDecoder.read(buffer, using: .scanner) {
        let libxml2 = Result { () throws(BerichtError) in try BerichtDecoder.read(buffer, using: .libxml2) }
        guard libxml2 == .success(gescand) else { fatalError("the scanner and libxml2 read this input differently") }
    }
    return 0
}
