import Glibc

/// What a message's namespace URI says: standard, release and message type.
///
/// `http://www.istandaarden.nl/ijw/3_2/jw301/schema` is iJw 3.2 JW301. The prefix a sender binds
/// to it is irrelevant; only the URI is read. CDT children live in the sibling namespace
/// `…/ijw/3_2/basisschema/schema`, see ``basisschemaURI``.
struct BerichtNamespace: Equatable {
    let standaard: Standaard
    let release: Release
    let berichttype: Berichttype
    /// The basisschema namespace of the same standard and release, as UTF-8.
    let basisschemaURI: [UInt8]

    private static let base = "http://www.istandaarden.nl/"

    init(uri: String) throws(BerichtError) {
        var uri = uri
        self = try uri.withUTF8 { utf8 in Result { () throws(BerichtError) in try BerichtNamespace(utf8: utf8) } }.get()
    }

    /// The namespace of the URI whose bytes are `utf8`, as the parser hands them over: a `String` is
    /// made of them only when the URI is not one the standard gives (see ``known``).
    init(utf8: UnsafeBufferPointer<UInt8>) throws(BerichtError) {
        if let known = Self.known(utf8: utf8) {
            self = known
            return
        }
        try self.init(parsing: String(decoding: utf8, as: UTF8.self))
    }

    /// The namespace whose URI is `utf8`, when it is one the standard gives (see ``known``).
    static func known(utf8: UnsafeBufferPointer<UInt8>) -> BerichtNamespace? {
        guard let base = utf8.baseAddress, utf8.count > Self.lastDigits else { return nil }
        return known.uris.withUnsafeBufferPointer { uris in
            let digits = base + utf8.count - Self.lastDigits
            for (index, range) in known.ranges.enumerated() where range.count == utf8.count {
                // The URIs of one standard differ only in the message's number: its last two
                // digits, right before `/schema`, tell them apart before all bytes are compared.
                let candidate = uris.baseAddress! + range.upperBound - Self.lastDigits
                guard candidate[0] == digits[0], candidate[1] == digits[1] else { continue }
                if memcmp(uris.baseAddress! + range.lowerBound, base, utf8.count) == 0 { return known.namespaces[index] }
            }
            return nil
        }
    }

    /// How far from the end of a URI such as `…/jw301/schema` its number's last two digits start.
    private static let lastDigits = "01/schema".utf8.count

    /// Every namespace this module decodes, read once by ``init(parsing:)`` from the URI the
    /// standard gives it: 28 comparisons of bytes at most instead of cutting the same URI into
    /// parts for every message. The URIs lie in one buffer (`ranges` into `uris`), so the search
    /// touches no reference count. Any other URI, valid or not, is parsed as it comes.
    static let known: (uris: [UInt8], ranges: [Range<Int>], namespaces: [BerichtNamespace]) = {
        var known: (uris: [UInt8], ranges: [Range<Int>], namespaces: [BerichtNamespace]) = ([], [], [])
        for standaard in Standaard.allCases {
            let (path, prefix) = standaard == .iWmo ? ("iwmo", "wmo") : ("ijw", "jw")
            for release in Release.supported {
                for type in Berichttype.allCases {
                    let uri = "\(base)\(path)/\(release.major)_\(release.minor)/\(prefix)\(type.rawValue)/schema"
                    guard let namespace = try? BerichtNamespace(parsing: uri) else { continue }
                    known.ranges.append(known.uris.count..<known.uris.count + uri.utf8.count)
                    known.uris += uri.utf8
                    known.namespaces.append(namespace)
                }
            }
        }
        return known
    }()

    private init(parsing uri: String) throws(BerichtError) {
        guard uri.hasPrefix(Self.base) else {
            throw BerichtError(.notAnIStandaardenMessage, "Bericht is not in an iStandaarden namespace")
        }
        let parts = uri.dropFirst(Self.base.count).split(separator: "/", omittingEmptySubsequences: false)
        let standaard: Standaard
        switch parts.first {
        case "iwmo": standaard = .iWmo
        case "ijw": standaard = .iJw
        default: throw BerichtError(.notAnIStandaardenMessage, "Bericht is not in an iWmo or iJw namespace")
        }
        guard parts.count >= 3 else {
            throw BerichtError(.notAnIStandaardenMessage, "Bericht's namespace names no release and message")
        }
        let releaseParts = parts[1].split(separator: "_")
        guard releaseParts.count == 2, let major = Int(releaseParts[0]), let minor = Int(releaseParts[1]),
            (0...99).contains(major), (0...99).contains(minor)
        else { throw BerichtError(.notAnIStandaardenMessage, "Bericht's namespace names no release") }
        guard let release = Release(major: major, minor: minor) else {
            let supported = Release.supported.map(\.description).joined(separator: ", ")
            throw BerichtError(.unknownRelease, "unknown release \(major).\(minor) (supported: \(supported))")
        }
        let prefix = standaard == .iWmo ? "wmo" : "jw"
        guard parts.count == 4, parts[3] == "schema", parts[2].hasPrefix(prefix),
            let type = Berichttype(rawValue: String(parts[2].dropFirst(prefix.count)))
        else {
            throw BerichtError(
                .notAnIStandaardenMessage, "Bericht's namespace names no \(standaard) \(release) message")
        }
        self.standaard = standaard
        self.release = release
        self.berichttype = type
        self.basisschemaURI = Array("\(Self.base)\(parts[0])/\(parts[1])/basisschema/schema".utf8)
    }

    /// The message's name as the standard writes it, e.g. `JW301` or `WMO325`.
    var berichtNaam: String { (standaard == .iWmo ? "WMO" : "JW") + berichttype.rawValue }
}
