public import Berichten

extension Bevinding {
    /// An XSD finding (control level 1) as a finding of the message, with the rule code `XSD`.
    ///
    /// libxml2 quotes the offending value in its messages ("The value '123456782' is not
    /// accepted …"); that value may be a BSN or a name, and a finding is printed and logged, so
    /// the quoted value is left out. Element names (without their namespace), facets and types stay.
    public init(xsd finding: XSDValidator.Finding) {
        self.init(regel: "XSD", pad: "line \(finding.line)", toelichting: Self.withoutValues(finding.message))
    }

    static func withoutValues(_ message: String) -> String {
        var out = ""
        var rest = Substring(message)
        while let quote = rest.firstIndex(of: "'") {
            let before = rest[..<quote]
            let afterQuote = rest[rest.index(after: quote)...]
            guard let close = afterQuote.firstIndex(of: "'") else { break }
            let quoted = afterQuote[..<close]
            let following = afterQuote[afterQuote.index(after: close)...]
            let isValue =
                before.hasSuffix("The value ")
                || (before.hasSuffix(": ") && following.hasPrefix(" is not a valid value"))
            out += before + (isValue ? "'…'" : "'" + Self.withoutNamespace(quoted) + "'")
            rest = following
        }
        return out + rest
    }

    /// `{http://www.istandaarden.nl/…/schema}Bsn` → `Bsn`: the namespace only repeats the message type.
    private static func withoutNamespace(_ name: Substring) -> Substring {
        guard name.first == "{", let close = name.firstIndex(of: "}") else { return name }
        return name[name.index(after: close)...]
    }
}

extension Bevinding {
    /// What the decoder found against the message's schema, for a message of which only the header
    /// could be read. ``BerichtError`` already leaves personal values out of its text.
    init(schemaFout error: BerichtError) {
        self.init(regel: "XSD", pad: error.path.isEmpty ? "line \(error.line)" : error.path, toelichting: error.problem)
    }
}
