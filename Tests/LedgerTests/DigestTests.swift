import Ledger
import Testing

/// `Digest` hashes through libcrypto's low-level SHA-256 calls; the FIPS 180-2 examples pin it to
/// the standard, across block boundaries and for input longer than any buffer.
@Suite("SHA-256 digests")
struct DigestTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func theStandardsExamples(input: String, expected: String) {
        #expect(Digest(of: Array(input.utf8)).description == expected)
    }

    @Test func aMillionBytes() {
        let input = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(Digest(of: input).description == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// A Merkle node is hashed from its parts where they lie: the same digest as the joined bytes.
    @Test func aNodeHashedInPartsIsTheHashOfItsJoinedBytes() {
        let left = Digest(of: Array("left".utf8))
        let right = Digest(of: Array("right".utf8))
        #expect(MerkleHash.node(left, right) == Digest(of: [0x01] + left.bytes + right.bytes))
        #expect(MerkleHash.leaf(left.bytes) == Digest(of: [0x00] + left.bytes))
    }
}
