/// Where values go in the form the hash chain covers them: text as its UTF-8, an integer in
/// decimal digits, bytes in lower-case hex. The one definition of that form: the chain link
/// hashes it as it is written (``ChainLink``), ``MetadataValue/canonical`` reads it as text.
protocol CanonicalSink {
    mutating func write(_ bytes: UnsafeRawBufferPointer)
    mutating func write(_ byte: UInt8)
}

extension CanonicalSink {
    /// `value` as a field of the chain: 0 for NULL, else 1, the value, 0x1F.
    mutating func field(_ value: MetadataValue?) {
        guard let value else { return write(0) }
        write(1)
        write(value)
        write(0x1F)
    }

    /// `value` in its canonical form. Written straight into the sink: a `String` for each
    /// integer and appending through a text's UTF-8 view cost the writer about 7,000 instructions
    /// an event.
    mutating func write(_ value: MetadataValue) {
        switch value {
        case .text(let text):
            let written: Void? = text.utf8.withContiguousStorageIfAvailable { write(UnsafeRawBufferPointer($0)) }
            if written == nil { for byte in text.utf8 { write(byte) } }
        case .integer(let number):
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
            withUnsafeMutableBytes(of: &digits) { digits in
                var start = digits.count
                var rest = number.magnitude
                repeat {
                    start -= 1
                    digits[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                    rest /= 10
                } while rest > 0
                if number < 0 {
                    start -= 1
                    digits[start] = UInt8(ascii: "-")
                }
                write(UnsafeRawBufferPointer(rebasing: digits[start...]))
            }
        case .blob(let bytes):
            for byte in bytes {
                write(Self.hexDigit(byte >> 4))
                write(Self.hexDigit(byte & 0x0F))
            }
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}

/// Canonical bytes gathered for reading as text.
struct CanonicalText: CanonicalSink {
    private(set) var bytes: [UInt8] = []

    mutating func write(_ bytes: UnsafeRawBufferPointer) { self.bytes.append(contentsOf: bytes) }
    mutating func write(_ byte: UInt8) { bytes.append(byte) }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
