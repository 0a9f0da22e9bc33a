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
