import ArgumentParser

/// Two values of an option written `A..B`, e.g. two rule-set versions or contract positions.
struct Bereik: ExpressibleByArgument {
    var van: Int64
    var tot: Int64

    init?(argument: String) {
        let delen = argument.split(separator: "..", omittingEmptySubsequences: false)
        guard delen.count == 2, let van = Int64(delen[0]), let tot = Int64(delen[1]) else { return nil }
        self.van = van
        self.tot = tot
    }
}
