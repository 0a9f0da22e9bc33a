/// Byte-level helpers for the decoder's value parsing; no Foundation on the hot path.
enum ASCII {
    /// The decimal value of `bytes[range]` when it is all digits (at most 18 of them).
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 18 else { return nil }
        var value = 0
        for index in range {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    static func isDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { $0 &- UInt8(ascii: "0") < 10 }
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// Letters, digits, `-`, `_` and `.`: what an encoding name may hold, safe to show in a message,
    /// and what an ASCII XML name may continue with (``XMLScanner``).
    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte &- UInt8(ascii: "0")) < 10 || ((byte | 0x20) &- UInt8(ascii: "a")) < 26
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    /// What a byte is to the scanner's per-byte loops, looked up rather than compared: bit 0 set
    /// for ``isNameByte(_:)``, bit 1 for text it passes over as it is (``plainText``).
    /// Built once, never written again nor freed (hence `nonisolated(unsafe)`); loops load the
    /// pointer before they start.
    nonisolated(unsafe) static let classes: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0...255 {
            let value = UInt8(byte)
            var bits: UInt8 = isNameByte(value) ? nameClass : 0
            // Character data as it stands: printable ASCII (and DEL) but the three that start
            // markup or must be checked (`<`, `&`, `>`), and tab and LF; CR and bytes of 0x80 and
            // up need more than a glance.
            if (0x20...0x7F).contains(value) && !"<&>".utf8.contains(value) || value == 0x09 || value == 0x0A {
                bits |= plainText
            }
            table[byte] = bits
        }
        return UnsafePointer(table)
    }()

    static let nameClass: UInt8 = 1
    static let plainText: UInt8 = 2

    /// `first` in `width` digits, then `second` and `third` in two each, zero-padded and joined by
    /// `separator` (`2027-06-01`, `09:05:00`). Each value must fit its width, which ``Datum`` and
    /// ``Tijd`` guarantee on construction. Written in place: short enough to stay a small string.
    static func fields(_ first: Int, width: Int, _ second: Int, _ third: Int, separator: UInt8) -> String {
        String(unsafeUninitializedCapacity: width + 6) { text in
            func put(_ value: Int, _ width: Int, at start: Int) {
                var rest = value
                for index in (start..<(start + width)).reversed() {
                    text[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                    rest /= 10
                }
            }
            put(first, width, at: 0)
            text[width] = separator
            put(second, 2, at: width + 1)
            text[width + 3] = separator
            put(third, 2, at: width + 4)
            return width + 6
        }
    }
}
