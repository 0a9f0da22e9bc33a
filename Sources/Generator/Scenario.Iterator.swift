internal import Berichten

extension Scenario {
    /// Produces the scenario month by month: it builds the trajectories that begin in a month,
    /// schedules their messages into monthly buckets, adds that month's declaraties and answers,
    /// sorts the month by arrival and renders one message per `next()`.
    public struct Iterator: IteratorProtocol {
        private let scenario: Scenario
        private let eersteMaand: Int
        private let laatsteMaand: Int
        private var maand: Int
        /// Client indices by the month (offset from the first) their first message is sent.
        private var starters: [[Int32]]
        /// Trajectories that still send or declare, with the last month they do.
        private var active: [(traject: Traject, laatsteMaand: Int)] = []
        /// Scheduled messages by arrival month: the current month, and 325s that fall in the next.
        private var buckets: [Int: [GeplandBericht]] = [:]
        private var current: [GeplandBericht] = []
        private var position = 0
        private var sequence = 0
        private var renderer: Renderer

        init(scenario: Scenario) {
            self.scenario = scenario
            eersteMaand = scenario.eersteDag.maandIndex
            laatsteMaand = eersteMaand + scenario.months - 1
            maand = eersteMaand
            renderer = Renderer(styles: scenario.styles)
            starters = Array(repeating: [], count: scenario.months)
            for index in 0..<scenario.clients {
                let offset = Traject.eersteDag(scenario: scenario, index: index).maandIndex - eersteMaand
                if offset < scenario.months { starters[offset].append(Int32(index)) }
            }
        }

        public mutating func next() -> GegenereerdBericht? {
            while position == current.count {
                guard maand <= laatsteMaand else { return nil }
                plan(maand)
                maand += 1
            }
            defer { position += 1 }
            return renderer.render(current[position])
        }

        /// Schedules what arrives in `maand`: the trajectory messages of active clients (scheduled
        /// month by month, so only one month of plans is held) and the declaraties on the month before.
        private mutating func plan(_ maand: Int) {
            for index in starters[maand - eersteMaand] {
                let traject = Traject(scenario: scenario, index: Int(index))
                active.append((traject, traject.laatsteActieveMaand))
            }
            starters[maand - eersteMaand] = []
            for (traject, _) in active {
                for (nummer, stap) in traject.stappen.enumerated() {
                    if stap.aankomst.dag.maandIndex == maand {
                        schedule(.heen(traject, stap: nummer), stap.aankomst)
                        if stap.dubbel {
                            schedule(.heen(traject, stap: nummer), stap.aankomst.plus(seconden: 3_600 + traject.index % 7_200))
                        }
                    }
                    if stap.retourAankomst.dag.maandIndex == maand { schedule(.retour(traject, stap: nummer), stap.retourAankomst) }
                }
            }
            scheduleDeclaraties(periode: maand - 1, in: maand)
            active.removeAll { maand >= $0.laatsteMaand }
            current = (buckets.removeValue(forKey: maand) ?? []).sorted {
                ($0.aankomst.sleutel, $0.sequence) < ($1.aankomst.sleutel, $1.sequence)
            }
            position = 0
        }

        private mutating func schedule(_ bron: GeplandBericht.Bron, _ aankomst: Moment) {
            let maand = aankomst.dag.maandIndex
            guard maand <= laatsteMaand else { return }
            sequence += 1
            buckets[maand, default: []].append(GeplandBericht(bron: bron, aankomst: aankomst, sequence: sequence))
        }

        /// One 323 per aanbieder × gemeente with lines in `periode`, answered by a 325 within
        /// ten werkdagen.
        private mutating func scheduleDeclaraties(periode: Int, in maand: Int) {
            var volgorde: [Int] = []
            var groepen: [Int: [(bsn: String, prestaties: [Prestatie])]] = [:]
            for (traject, _) in active {
                let regels = traject.declaratieregels(periode: periode)
                guard !regels.isEmpty else { continue }
                let sleutel = traject.aanbiederIndex * 8 + traject.gemeenteIndex
                if groepen[sleutel] == nil { volgorde.append(sleutel) }
                groepen[sleutel, default: []].append((traject.client.bsn, regels))
            }
            let periodeBegin = Datum.eersteDag(maandIndex: periode)
            let periodeCode = "\(periodeBegin.year % 100)\(Format.padded(periodeBegin.month, width: 2))"
            for sleutel in volgorde {
                let aanbieder = scenario.aanbieders[sleutel / 8]
                let gemeente = scenario.gemeenten[sleutel % 8]
                let uniek = UInt64(1) << 40 + (UInt64(maand) * UInt64(scenario.aanbieders.count * 8) + UInt64(sleutel)) * 2
                var random = Random(seed: scenario.seed, stream: uniek)
                let dagtekening = Datum.eersteDag(maandIndex: maand).werkdagOfVolgende.plus(werkdagen: random.below(6))
                let aankomst = Moment(dag: dagtekening, seconde: random.inRange(27_000...61_200))
                let antwoordDag = dagtekening.plus(werkdagen: random.inRange(2...9))
                let declaratie = Declaratie(
                    aanbieder: aanbieder, gemeente: gemeente, periode: periode,
                    declaratieNummer: "D\(periodeCode)\(gemeente.code)", sleutel: uniek, dagtekening: dagtekening,
                    aankomst: aankomst, antwoordDagtekening: antwoordDag,
                    antwoordAankomst: Moment(dag: antwoordDag, seconde: random.inRange(27_000...61_200)),
                    clienten: groepen[sleutel] ?? [], dubbel: random.chance(3))
                schedule(.declaratie(declaratie), aankomst)
                if declaratie.dubbel { schedule(.declaratie(declaratie), aankomst.plus(seconden: 5_400)) }
                schedule(.declaratieAntwoord(declaratie), declaratie.antwoordAankomst)
            }
        }
    }
}
