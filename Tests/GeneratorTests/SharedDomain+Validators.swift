import Berichten
import Foundation
import TestSupport

/// The generator's output checked against the shared XSDs.
extension SharedDomain {
    /// One compiled validator per (standaard, berichttype), built once for the whole suite.
    ///
    /// There are no iWmo retour XSDs (302/306/308/316/318/320/325) among the shared schemas. They
    /// follow the iJw shape (report §4.4), so they are derived from the iJw XSD by swapping the
    /// namespaces and the BerichtCode pattern, and compiled against the iWmo basisschema, whose
    /// type names match the iJw one and whose enumerations are the iWmo codelists.
    static let validators: [String: XSDValidator] = {
        var result: [String: XSDValidator] = [:]
        let retours = ["302": ("437", "415"), "306": ("439", "419"), "308": ("441", "421"), "316": ("447", "445"),
                       "318": ("487", "481"), "320": ("489", "483"), "325": ("491", "485")]
        let afgeleid = FileManager.default.temporaryDirectory
            .appendingPathComponent("generator-iwmo-retour-xsd-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: afgeleid, withIntermediateDirectories: true)
        try? FileManager.default.copyItem(
            at: xsd("iwmo-3.2/basisschema.xsd"), to: afgeleid.appendingPathComponent("basisschema.xsd"))
        for type in ["301", "302", "305", "306", "307", "308", "315", "316", "317", "318", "319", "320", "323", "325"] {
            result["iJw-\(type)"] = try? XSDValidator(path: xsd("ijw-3.2/JW\(type).xsd").path)
            if let (jw, wmo) = retours[type] {
                guard var tekst = try? String(contentsOf: xsd("ijw-3.2/JW\(type).xsd"), encoding: .utf8) else { continue }
                tekst = tekst
                    .replacingOccurrences(of: "ijw/3_2/jw\(type)/schema", with: "iwmo/3_2/wmo\(type)/schema")
                    .replacingOccurrences(of: "ijw/3_2/basisschema/schema", with: "iwmo/3_2/basisschema/schema")
                    .replacingOccurrences(of: "<xs:pattern value=\"\(jw)\"/>", with: "<xs:pattern value=\"\(wmo)\"/>")
                let pad = afgeleid.appendingPathComponent("WMO\(type).xsd")
                try? tekst.write(to: pad, atomically: true, encoding: .utf8)
                result["iWmo-\(type)"] = try? XSDValidator(path: pad.path)
            } else {
                result["iWmo-\(type)"] = try? XSDValidator(path: xsd("iwmo-3.2/WMO\(type).xsd").path)
            }
        }
        // Compiled schemas no longer need their files.
        try? FileManager.default.removeItem(at: afgeleid)
        return result
    }()
}
