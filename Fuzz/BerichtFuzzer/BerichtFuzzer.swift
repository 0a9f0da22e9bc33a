// Compiled into one module with the sources of Sources/Berichten by `Fuzz/run`, so the decoder
// itself is instrumented for coverage (and checked by AddressSanitizer) without a package change.

/// libFuzzer's entry point: any bytes must either decode, and then yield their bevindingen, or
/// throw a `BerichtError`; a crash, a hang, a leak or an out-of-bounds access is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func berichtFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    if let bericht = try? BerichtDecoder.decode(UnsafeRawBufferPointer(start: data, count: size)) {
        _ = bericht.bevindingen()
    }
    return 0
}
