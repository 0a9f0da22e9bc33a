import Berichten
import Testing

@Suite("Elements without repeats, in order of first appearance")
struct UniqueInOrderTests {
    @Test func aHandfulIsKeptInOrderOfFirstAppearance() {
        #expect(["0200", "8001", "0200", "0233", "8001"].uniqueInOrder() == ["0200", "8001", "0233"])
        #expect([String]().uniqueInOrder() == [])
    }

    /// Past 16 kept elements the helper hashes instead of searching; the answer must not change.
    @Test(arguments: [15, 16, 17, 40])
    func manyAreKeptAlikeOnEitherSideOfTheSwitchToHashing(distinct: Int) {
        let values = (0..<distinct).map { $0 * 7 % distinct }
        let repeated = values + values.reversed() + values
        #expect(repeated.uniqueInOrder() == values)
    }
}
