extension MessageSchema.Definition {
    /// The tree of `Bericht` for one message type, transcribed from the 3.2 XSDs
    /// (`shared/domain/xsd/structure-*-3.2.txt`); 3.0 and 3.1 have the same structure.
    ///
    /// A retour repeats its heenbericht's tree with `RetourCodes [1]` closing each message class,
    /// so every tree is written once and ``Builder/klasse(_:_:_:)`` adds those when needed.
    static func bericht(_ type: Berichttype, standaard: Standaard) -> Self {
        let builder = Builder(retour: type.isRetour, iJw: standaard == .iJw)
        return builder.element(.bericht, .one, [builder.header(type), builder.inhoud(type)])
    }

    fileprivate struct Builder {
        let retour: Bool
        let iJw: Bool

        func element(_ tag: Tag, _ occurs: MessageSchema.Occurs = .one, _ children: [Def] = []) -> Def {
            Def(tag: tag, occurs: occurs, inBasisschema: false, children: children)
        }

        /// A leaf the typed model does not read; the builder checks its text against `waarde`.
        func leaf(_ tag: Tag, _ occurs: MessageSchema.Occurs, _ waarde: MessageSchema.Waarde) -> Def {
            Def(tag: tag, occurs: occurs, inBasisschema: false, children: [], waarde: waarde)
        }

        func leaf(_ tag: Tag, _ waarde: MessageSchema.Waarde) -> Def { leaf(tag, .one, waarde) }

        /// An element of a composite data type (CDT_…): its descendants are in the basisschema namespace.
        func cdt(_ tag: Tag, _ occurs: MessageSchema.Occurs, _ children: [Def]) -> Def {
            element(tag, occurs, children.map(Builder.inBasisschema))
        }

        /// A message class: in a retour it ends with its own RetourCodes.
        func klasse(_ tag: Tag, _ occurs: MessageSchema.Occurs, _ children: [Def]) -> Def {
            element(tag, occurs, retour ? children + [retourCodes(.one)] : children)
        }

        func retourCodes(_ occurs: MessageSchema.Occurs) -> Def {
            element(.retourCodes, occurs, [element(.retourCode, .many)])
        }

        /// Content is optional in a retour: it is left out when there is nothing to report on it.
        func inhoudOccurs(_ heen: MessageSchema.Occurs = .one) -> MessageSchema.Occurs { retour ? .optional : heen }

        private static func inBasisschema(_ definition: Def) -> Def {
            Def(
                tag: definition.tag, occurs: definition.occurs, inBasisschema: true,
                children: definition.children.map(inBasisschema), waarde: definition.waarde)
        }

        func header(_ type: Berichttype) -> Def {
            var children = [
                element(.berichtCode), element(.berichtVersie), element(.berichtSubversie),
                element(.afzender), element(.ontvanger), identificatie(.berichtIdentificatie),
                xsdVersie(.xsdVersie),
            ]
            if type == .declaratieAntwoord {
                children += [
                    identificatie(.declaratieIdentificatie), leaf(.xsltVersie, .optional, .versie),
                    xsdVersie(.xsdVersieDeclaratie), retourCodes(.one),
                ]
            } else if retour {
                children += [
                    element(.identificatieRetour), element(.dagtekeningRetour), leaf(.xsltVersie, .optional, .versie),
                    xsdVersie(.xsdVersieRetour), retourCodes(.optional),
                ]
            }
            return element(.header, .one, children)
        }

        private func identificatie(_ tag: Tag) -> Def {
            cdt(tag, .one, [element(.identificatie), element(.dagtekening)])
        }

        private func xsdVersie(_ tag: Tag) -> Def {
            cdt(tag, .one, [leaf(.basisschemaXsdVersie, .versie), leaf(.berichtXsdVersie, .versie)])
        }

        func inhoud(_ type: Berichttype) -> Def {
            switch type {
            case .toewijzing, .toewijzingRetour: toewijzingClient
            case .start, .startRetour: regieClient(.startProducten, product: startProduct)
            case .stop, .stopRetour: regieClient(.stopProducten, product: stopProduct)
            case .verzoekOmToewijzing, .verzoekOmToewijzingRetour: verzoekOmToewijzingClient
            case .verzoekOmWijziging, .verzoekOmWijzigingRetour: verzoekOmWijzigingClient
            case .antwoord, .antwoordRetour: antwoord
            case .declaratie: declaratie
            case .declaratieAntwoord: declaratieAntwoord
            }
        }

        // MARK: Shared pieces

        private var geboortedatumDelen: [Def] {
            [leaf(.datum, .datum), leaf(.datumGebruik, .optional, .code(.datumGebruik))]
        }

        private var geboortedatum: Def {
            cdt(.geboortedatum, .one, geboortedatumDelen)
        }

        private func geslacht(_ occurs: MessageSchema.Occurs) -> Def { leaf(.geslacht, occurs, .code(.geslacht)) }

        /// A client's Commentaar; the typed model reads only the products' Commentaar.
        private var clientCommentaar: Def { leaf(.commentaar, .optional, .tekst(maxLength: .max)) }

        private func achternaam(_ tag: Tag, _ occurs: MessageSchema.Occurs) -> Def {
            element(tag, occurs, [leaf(.achternaam, .tekst(maxLength: 200)), leaf(.voorvoegsel, .optional, .tekst(maxLength: 10))])
        }

        private func volledigeNaam() -> Def {
            cdt(
                .naam, .one,
                [
                    achternaam(.geslachtsnaam, .one), achternaam(.partnernaam, .optional),
                    leaf(.voornamen, .optional, .tekst(maxLength: 200)), leaf(.voorletters, .optional, .voorletters),
                    leaf(.naamGebruik, .code(.naamGebruik)),
                ])
        }

        private var verkorteNaam: Def {
            cdt(
                .naam, .one,
                [
                    achternaam(.geslachtsnaam, .one), leaf(.voornamen, .optional, .tekst(maxLength: 200)),
                    leaf(.voorletters, .optional, .voorletters),
                ])
        }

        private var product: Def {
            cdt(.product, .optional, [element(.categorie), element(.code, .optional)])
        }

        private var omvang: Def {
            cdt(.omvang, .optional, [element(.volume), element(.eenheid), element(.frequentie)])
        }

        private func periode(_ tag: Tag, _ occurs: MessageSchema.Occurs, open: Bool = false) -> Def {
            // Only the open period of a Contact is left unread by the typed model.
            let datum = { (tag: Tag) in open ? leaf(tag, .optional, .datum) : element(tag) }
            return cdt(tag, occurs, [datum(.begindatum), datum(.einddatum)])
        }

        private func bedrag(_ tag: Tag, totaal: Bool) -> Def {
            cdt(tag, .one, [element(totaal ? .totaalBedrag : .bedrag), element(.debetCredit)])
        }

        // MARK: 301/302

        private var contact: Def {
            let telefoon = { (tag: Tag, occurs: MessageSchema.Occurs) in
                element(tag, occurs, [leaf(.telefoonnummer, .telefoonnummer), leaf(.landnummer, .tekst(maxLength: 4))])
            }
            return klasse(
                .contact, .one,
                [
                    leaf(.soort, .code(.adresSoort)),
                    cdt(
                        .adres, .optional,
                        [
                            element(
                                .huis, .optional,
                                [
                                    leaf(.huisnummer, .getal(maximum: 99_999)),
                                    leaf(.huisletter, .optional, .tekst(maxLength: 1)),
                                    leaf(.huisnummerToevoeging, .optional, .tekst(maxLength: 4)),
                                    leaf(.aanduidingWoonadres, .optional, .code(.aanduidingWoonadres)),
                                ]),
                            leaf(.postcode, .optional, .tekst(maxLength: 8)),
                            leaf(.straatnaam, .optional, .tekst(maxLength: 24)),
                            leaf(.plaatsnaam, .optional, .tekst(maxLength: 80)), leaf(.landCode, .optional, .code(.landCode)),
                        ]),
                    leaf(.organisatie, .optional, .tekst(maxLength: 35)),
                    cdt(.telefoon, .optional, [telefoon(.telefoon01, .one), telefoon(.telefoon02, .optional)]),
                    leaf(.emailadres, .optional, .tekst(maxLength: 80)),
                    periode(.periode, .optional, open: true),
                ])
        }

        private var toewijzingClient: Def {
            var contactgegevens = contact
            contactgegevens.occurs = .many
            return klasse(
                .client, inhoudOccurs(),
                [
                    element(.bsn), geboortedatum, geslacht(.one), volledigeNaam(),
                    cdt(
                        .communicatie, .optional,
                        [leaf(.vorm, .code(.communicatievorm)), leaf(.taal, .optional, .tekst(maxLength: 25))]),
                    leaf(.juridischeStatus, .optional, .code(.juridischeStatus)),
                    leaf(.wettelijkeVertegenwoordiging, .optional, .code(.wettelijkeVertegenwoordiging)),
                    clientCommentaar,
                    element(
                        .relaties, .optional,
                        [
                            klasse(
                                .relatie, .many,
                                [
                                    leaf(.nummer, .tekst(maxLength: 20)), leaf(.volgorde, .optional, .getal(maximum: 99)),
                                    leaf(.soort, .code(.soortRelatie)), cdt(.geboortedatum, .optional, geboortedatumDelen),
                                    geslacht(.optional), volledigeNaam(), contact,
                                ])
                        ]),
                    element(.contactgegevens, .one, [contactgegevens]),
                    element(
                        .toegewezenProducten, .one,
                        [
                            klasse(
                                .toegewezenProduct, .many,
                                [
                                    element(.toewijzingNummer), element(.referentieAanbieder, .optional), product,
                                    element(.toewijzingsdatum), element(.toewijzingstijd), element(.ingangsdatum),
                                    element(.einddatum, .optional), element(.redenWijziging, .optional), omvang,
                                    element(.budget, .optional), element(.commentaar, .optional),
                                ])
                        ]),
                ])
        }

        // MARK: 305–308

        private func regieClient(_ lijst: Tag, product: Def) -> Def {
            klasse(
                .client, inhoudOccurs(),
                [
                    element(.bsn), geboortedatum, geslacht(.one), verkorteNaam,
                    element(lijst, .one, [product]),
                ])
        }

        private var startProduct: Def {
            klasse(
                .startProduct, .many,
                [
                    element(.toewijzingNummer, .optional), product, element(.toewijzingIngangsdatum, .optional),
                    element(.begindatum), element(.statusAanlevering),
                ])
        }

        private var stopProduct: Def {
            klasse(
                .stopProduct, .many,
                [
                    element(.toewijzingNummer, .optional), product, element(.toewijzingIngangsdatum, .optional),
                    element(.begindatum), element(.redenBeeindiging), element(.einddatum), element(.statusAanlevering),
                ])
        }

        // MARK: 315–318

        private var verzoekOmToewijzingClient: Def {
            klasse(
                .client, inhoudOccurs(),
                [element(.bsn), geboortedatum, geslacht(.one), verkorteNaam]
                    + (iJw ? [element(.gezagsdragerBekend, .optional)] : [])
                    + [
                        clientCommentaar,
                        element(
                            .aangevraagdeProducten, .one,
                            [
                                klasse(
                                    .aangevraagdProduct, .many,
                                    [
                                        element(.referentieAanbieder), element(.beschikkingNummer, .optional), product,
                                        element(.beschikkingIngangsdatum, .optional), element(.toewijzingIngangsdatum),
                                        element(.toewijzingEinddatum, .optional), omvang, element(.budget, .optional),
                                        cdt(
                                            .verwijzer, .one,
                                            [
                                                element(.type), element(.naam, .optional),
                                                element(.zorgverlenerCode, .optional),
                                            ]),
                                        element(.raamcontract, .optional), element(.commentaar, .optional),
                                    ])
                            ]),
                    ])
        }

        private var verzoekOmWijzigingClient: Def {
            let wijziging = [element(.einddatum, .optional), omvang, element(.budget, .optional)]
            return klasse(
                .client, inhoudOccurs(),
                [
                    element(.bsn),
                    klasse(
                        .verzoek, .one,
                        [
                            element(.referentieAanbieder), element(.redenVerzoek),
                            element(
                                .ongewijzigdeProducten, .optional,
                                [klasse(.ongewijzigdProduct, .many, [element(.toewijzingNummer)])]),
                            element(
                                .teWijzigenProducten, .optional,
                                [
                                    klasse(
                                        .teWijzigenProduct, .many,
                                        [element(.toewijzingNummer), element(.gewensteIngangsdatum)] + wijziging)
                                ]),
                            element(
                                .nieuweProducten, .optional,
                                [klasse(.nieuwProduct, .many, [product, element(.gewensteIngangsdatum)] + wijziging)]),
                        ]),
                ])
        }

        // MARK: 319/320

        private var antwoord: Def {
            klasse(
                .antwoord, inhoudOccurs(),
                [element(.referentieAanbieder), element(.verzoekAntwoord), element(.redenAfwijzingVerzoek, .optional)]
                    + (iJw ? [klasse(.woonplaatsbeginsel, .optional, [element(.gemeente)])] : []))
        }

        // MARK: 323/325

        private var prestatie: Def {
            klasse(
                .prestatie, .many,
                [
                    cdt(.productReferentie, .one, [element(.referentieNummer), element(.vorigReferentieNummer, .optional)]),
                    element(.toewijzingNummer), element(.productCategorie), element(.productCode),
                    periode(.productPeriode, .one), element(.geleverdVolume), element(.eenheid),
                    element(.productTarief, .optional), bedrag(.ingediendBedrag, totaal: false),
                ])
        }

        private func clienten(_ occurs: MessageSchema.Occurs) -> Def {
            element(
                .clienten, occurs,
                [klasse(.client, .many, [element(.bsn), element(.prestaties, .one, [prestatie])])])
        }

        private var declaratie: Def {
            element(
                .declaratie, .one,
                [
                    element(.declaratieNummer), periode(.declaratiePeriode, .one), element(.declaratieDagtekening),
                    bedrag(.totaalIngediendBedrag, totaal: true), clienten(.one),
                ])
        }

        private var declaratieAntwoord: Def {
            klasse(
                .declaratieAntwoord, .optional,
                [
                    element(.declaratieNummer), bedrag(.totaalIngediendBedrag, totaal: true),
                    bedrag(.totaalToegekendBedrag, totaal: true), clienten(.optional),
                ])
        }
    }

}

private typealias Def = MessageSchema.Definition
