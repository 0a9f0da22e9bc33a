import Kenmerken
import Ledger
import TestSupport
import Testing

/// The iWmo/iJw description: its identity policy and the reading API of its BSN and toewijzing indexes.
@Suite("What the ledger records of an iWmo/iJw message")
struct KenmerkenTests {
    static func bericht(
        _ identificatie: String, retour: String? = nil, bsns: [String] = [], toewijzingen: [ToewijzingSleutel] = [],
        inhoud: String = ""
    ) -> NewEvent {
        let metadata = EventMetadata(
            standaard: "iWmo", release: "3.2", berichtCode: retour == nil ? 414 : 415,
            berichttype: retour == nil ? "301" : "302", afzender: "0518", ontvanger: "24240007",
            identificatie: identificatie, dagtekening: "2026-01-05", identificatieRetour: retour,
            heenbericht: retour.map { _ in BerichtIdentiteit(berichtCode: 414, afzender: "0518", identificatie: identificatie) },
            bsns: bsns, toewijzingen: toewijzingen)
        return NewEvent(
            kind: .bericht, payload: Array("<\(identificatie)|\(retour ?? "")|\(inhoud)>".utf8), metadata: metadata,
            source: nil)
    }

    @Test func everyFactRoundTrips() throws {
        let directory = try WorkDirectory()
        let ledger = try Ledger(path: directory.path("l.sqlite"), access: .createIfMissing)
        let heen = Self.bericht(
            "T1", bsns: ["999990019", "999990020", "999990019"],
            toewijzingen: [.init(gemeente: "0518", nummer: 7), .init(gemeente: "0363", nummer: 7)])
        let retour = Self.bericht("T1", retour: "R1", bsns: ["999990019"])
        _ = try ledger.append([heen, retour])
        let stored = try [ledger.event(at: 1).metadata, ledger.event(at: 2).metadata]
        #expect(stored == [heen.metadata, retour.metadata])
        #expect(stored[0].bsns == ["999990019", "999990020"])
        #expect(stored[0].toewijzingen == [.init(gemeente: "0363", nummer: 7), .init(gemeente: "0518", nummer: 7)])
        #expect(stored[1].heenbericht == BerichtIdentiteit(berichtCode: 414, afzender: "0518", identificatie: "T1"))
        #expect(stored[0].heenbericht == nil)
    }

    /// A 302 names its 301 by its own Afzender and Identificatie, which the ledger does not keep
    /// twice; a 325 names its 323 by its Ontvanger and DeclaratieIdentificatie, which it keeps.
    /// Both are found as the answers of their heenbericht, and nothing else is.
    @Test func answersAreFoundHoweverTheyNameTheirHeenbericht() throws {
        let directory = try WorkDirectory()
        let path = directory.path("l.sqlite")
        let ledger = try Ledger(path: path, access: .createIfMissing)
        let declaratie = BerichtIdentiteit(berichtCode: 484, afzender: "24240007", identificatie: "D1")
        func metadata(
            _ code: Int, _ type: String, _ afzender: String, _ ontvanger: String, _ identificatie: String,
            heen: BerichtIdentiteit?
        ) -> NewEvent {
            NewEvent(
                kind: .bericht, payload: Array("<\(code)|\(identificatie)>".utf8),
                metadata: EventMetadata(
                    standaard: "iWmo", release: "3.2", berichtCode: code, berichttype: type, afzender: afzender,
                    ontvanger: ontvanger, identificatie: identificatie, dagtekening: "2026-01-05",
                    identificatieRetour: heen == nil || code == 485 ? nil : "R\(identificatie)", heenbericht: heen),
                source: nil)
        }
        _ = try ledger.append([
            Self.bericht("T1"), Self.bericht("T1", retour: "R1"), Self.bericht("T2"), Self.bericht("T2", retour: "R2"),
            metadata(484, "323", "24240007", "0518", "D1", heen: nil),
            metadata(485, "325", "0518", "24240007", "A1", heen: declaratie),
            metadata(
                485, "325", "0518", "24240007", "A2",
                heen: .init(berichtCode: 484, afzender: "24240007", identificatie: "D2")),
        ])
        let heen = """
            SELECT coalesce(heen_code, '-') || ' ' || coalesce(heen_afzender, '-') || ' ' || coalesce(heen_identificatie, '-')
            FROM events ORDER BY position
            """
        #expect(try EventDescriptionTests.query(path, heen).flatMap { $0 } == [
            "- - -", "414 - -", "- - -", "414 - -", "- - -", "484 124240007 D1", "484 124240007 D2",
        ])
        let t1 = BerichtIdentiteit(berichtCode: 414, afzender: "0518", identificatie: "T1")
        #expect(try ledger.event(at: 2).metadata.heenbericht == t1)
        #expect(try ledger.event(at: 6).metadata.heenbericht == declaratie)
        #expect(try ledger.store.positions(answering: t1) == [2])
        #expect(try ledger.store.positions(answering: declaratie) == [6])
        #expect(
            try ledger.store.positions(answering: BerichtIdentiteit(berichtCode: 414, afzender: "0363", identificatie: "T1"))
                == [])
        #expect(try ledger.store.withAnswers([1, 5]) == [1, 2, 5, 6])
    }

    @Test func aRetourHasAnIdentityOfItsOwn() throws {
        let directory = try WorkDirectory()
        let ledger = try Ledger(path: directory.path("l.sqlite"), access: .createIfMissing)
        #expect(try ledger.append([Self.bericht("T1")]) == [.appended(1)])
        // Near miss: the same BerichtCode, Afzender and Identificatie, another IdentificatieRetour.
        #expect(try ledger.append([Self.bericht("T1", retour: "R1"), Self.bericht("T1", retour: "R2")])
            == [.appended(2), .appended(3)])
        #expect(try ledger.append([Self.bericht("T1", retour: "R1")]) == [.duplicate(of: 2)])
        #expect(try ledger.append([Self.bericht("T1", retour: "R1", inhoud: "anders")])
            == [.conflict(position: 4, earlier: 2)])
        #expect(try ledger.append([Self.bericht("T1", inhoud: "anders")]) == [.conflict(position: 5, earlier: 1)])
        let identiteit = BerichtIdentiteit(berichtCode: 415, afzender: "0518", identificatie: "T1", identificatieRetour: "R1")
        #expect(try ledger.store.positions(of: identiteit) == [2, 4])
    }

    @Test func theIndexesAreReadByBsnAndToewijzing() throws {
        let directory = try WorkDirectory()
        let path = directory.path("l.sqlite")
        let ledger = try Ledger(path: path, access: .createIfMissing)
        _ = try ledger.append([
            Self.bericht("A", bsns: ["111"], toewijzingen: [.init(gemeente: "0518", nummer: 7)]),
            Self.bericht("B", bsns: ["222", "111"], toewijzingen: [.init(gemeente: "0363", nummer: 7)]),
            Self.bericht("C", bsns: ["222"], toewijzingen: [.init(gemeente: "0518", nummer: 8)]),
        ])
        #expect(try ledger.store.positions(bsn: "111") == [1, 2])
        #expect(try ledger.store.positions(bsn: "333") == [])
        #expect(try ledger.store.positions(toewijzing: 7, gemeente: nil) == [1, 2])
        #expect(try ledger.store.positions(toewijzing: 7, gemeente: "0363") == [2])
        #expect(try ledger.store.positions(toewijzing: 8, gemeente: "0363") == [])

        // The same lookups as SQL, inside a query of another table.
        let connection = try SQLiteStore(path: path, access: .read).connection
        func positions(_ sql: String, _ bind: (SQLiteStatement) -> Void) throws -> [Int64] {
            let statement = try connection.prepare(
                "SELECT position FROM events WHERE position IN (\(sql)) ORDER BY position")
            bind(statement)
            var result: [Int64] = []
            while try statement.step() { result.append(statement.int64(0)) }
            return result
        }
        #expect(try positions(Berichtindex.bsn) { $0.bind(1, "222") } == [2, 3])
        #expect(try positions(Berichtindex.toewijzing) { $0.bind(1, 7) } == [1, 2])
        #expect(try positions(Berichtindex.toewijzingVanGemeente) {
            $0.bind(1, 7)
            $0.bind(2, "0518")
        } == [1])
    }
}
