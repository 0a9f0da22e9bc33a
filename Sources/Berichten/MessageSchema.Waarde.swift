extension MessageSchema {
    /// What the XSD allows as the text of a leaf that the typed model does not read.
    ///
    /// Leaves the model reads (``ElementTree``) are checked there, with messages that name their
    /// codelist; the others (names, addresses, relations, XSD versions) would otherwise pass
    /// unchecked, so the builder checks them against their basisschema type as they close. The
    /// codelists below are identical in iWmo and iJw 3.2. A plain enum without payload
    /// references, so copying an ``Element`` in the SAX callbacks costs no reference counting.
    enum Waarde: Equatable {
        /// Read and checked by the typed model.
        case gelezen
        /// Free text (`.*[^\s].*`) of at most `maxLength` characters.
        case tekst(maxLength: Int32)
        case datum
        /// An `xs:integer` from 0 to `maximum`.
        case getal(maximum: Int32)
        /// LDT_Telefoonnummer: 1 to 15 digits.
        case telefoonnummer
        /// LDT_Versie: `major.minor.patch` without leading zeros.
        case versie
        /// LDT_Voorletters: 1 to 6 letters (`[a-zA-ZÀ-ỳ]+`).
        case voorletters
        case code(Codes)
    }

    /// The closed basisschema codelists of leaves the typed model does not read.
    enum Codes {
        case geslacht, naamGebruik, datumGebruik, soortRelatie, adresSoort, aanduidingWoonadres
        case communicatievorm, juridischeStatus, wettelijkeVertegenwoordiging, typeVerwijzer, landCode

        /// The codes of the list, all of the same width, one after the other.
        private var table: StaticString {
            switch self {
            case .geslacht: "012"
            case .naamGebruik: "123456"
            case .datumGebruik, .communicatievorm: "123"
            case .soortRelatie: "0304050607080910111213141516171819202122232425"
            case .adresSoort: "01020304"
            case .aanduidingWoonadres: "ABBYTOWW"
            case .juridischeStatus: "01020304051112"
            case .wettelijkeVertegenwoordiging: "0607080910"
            case .typeVerwijzer: "01020304050608"
            case .landCode: Self.landen
            }
        }

        /// LDT_LandCode, the ISO 3166 alpha-2 codes as the basisschema lists them.
        private static let landen: StaticString = """
            ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCR\
            CUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHU\
            IDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQ\
            MRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSI\
            SJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW
            """

        /// The code width: 1 for the single-character lists, 2 for the others.
        private var width: Int {
            switch self {
            case .geslacht, .naamGebruik, .datumGebruik, .communicatievorm: 1
            default: 2
            }
        }

        var naam: String {
            switch self {
            case .geslacht: "Geslacht"
            case .naamGebruik: "NaamGebruik"
            case .datumGebruik: "DatumGebruik"
            case .soortRelatie: "SoortRelatie"
            case .adresSoort: "AdresSoort"
            case .aanduidingWoonadres: "AanduidingWoonadres"
            case .communicatievorm: "Communicatievorm"
            case .juridischeStatus: "JuridischeStatus"
            case .wettelijkeVertegenwoordiging: "WettelijkeVertegenwoordiging"
            case .typeVerwijzer: "TypeVerwijzer"
            case .landCode: "LandCode"
            }
        }

        func contains(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
            let width = self.width
            guard value.count == width else { return false }
            let table = self.table
            let codes = UnsafeBufferPointer(start: table.utf8Start, count: table.utf8CodeUnitCount)
            var offset = 0
            while offset < codes.count {
                if codes[offset] == value[0], width == 1 || codes[offset + 1] == value[1] { return true }
                offset += width
            }
            return false
        }
    }
}

extension MessageSchema.Waarde {
    /// What is wrong with `value` (already trimmed of surrounding whitespace), or nil when the XSD allows it.
    ///
    /// Only codes are quoted back: the other values may be a name, an address or a phone number.
    func problem(_ value: UnsafeBufferPointer<UInt8>) -> (kind: BerichtError.Kind, problem: String)? {
        switch self {
        case .gelezen:
            return nil
        case .tekst(let maxLength):
            if value.isEmpty { return (.invalidValue, "is empty") }
            // Characters, not bytes: count every byte that does not continue a UTF-8 sequence.
            let characters = value.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            return characters > maxLength ? (.invalidValue, "is longer than \(maxLength) characters") : nil
        case .datum:
            return Datum(utf8: value) == nil ? (.invalidDate, "is not a valid date (YYYY-MM-DD)") : nil
        case .getal(let maximum):
            let start = value.first == UInt8(ascii: "+") ? 1 : 0
            guard let number = ASCII.integer(value, start..<value.count), number <= maximum else {
                return (.invalidNumber, "is not a whole number from 0 to \(maximum)")
            }
            return nil
        case .telefoonnummer:
            return (1...15).contains(value.count) && ASCII.isDigits(value) ? nil : (.invalidValue, "is not 1 to 15 digits")
        case .versie:
            return Self.isVersie(value) ? nil : (.invalidValue, "is not a version number (major.minor.patch)")
        case .voorletters:
            let letters = String(decoding: value, as: UTF8.self).unicodeScalars
            let valid = (1...6).contains(letters.count) && letters.allSatisfy { letter in
                ("a"..."z").contains(letter) || ("A"..."Z").contains(letter) || ("\u{C0}"..."\u{1EF3}").contains(letter)
            }
            return valid ? nil : (.invalidValue, "is not 1 to 6 letters")
        case .code(let codes):
            guard !codes.contains(value) else { return nil }
            let shown = (1...2).contains(value.count) && value.allSatisfy(ASCII.isNameByte)
                ? "'\(String(decoding: value, as: UTF8.self))' " : ""
            return (.invalidCode, "\(shown)is not a valid \(codes.naam)")
        }
    }

    /// `(0|[1-9][0-9]*)` three times, separated by dots.
    private static func isVersie(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        var parts = 0
        var start = 0
        for index in 0...value.count where index == value.count || value[index] == UInt8(ascii: ".") {
            let part = start..<index
            guard !part.isEmpty, ASCII.integer(value, part) != nil, part.count == 1 || value[start] != UInt8(ascii: "0")
            else { return false }
            parts += 1
            start = index + 1
        }
        return parts == 3
    }
}
