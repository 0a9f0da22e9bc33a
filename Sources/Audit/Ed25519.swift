internal import COpenSSL

/// Ed25519 (RFC 8032) through libcrypto's EVP interface: the signature scheme of signed notes.
/// Signing is deterministic, so the same key and text always give the same signature.
enum Ed25519 {
    static let seedSize = 32
    static let publicKeySize = 32
    static let signatureSize = 64

    /// 32 bytes from the operating system's random source, for a new private key.
    static func randomSeed() throws(AuditError) -> [UInt8] {
        var seed = [UInt8](repeating: 0, count: seedSize)
        guard RAND_bytes(&seed, Int32(seedSize)) == 1 else { throw .crypto("no random bytes for a new key") }
        return seed
    }

    static func publicKey(seed: [UInt8]) throws(AuditError) -> [UInt8] {
        let key = try privateKey(seed)
        defer { EVP_PKEY_free(key) }
        var size = publicKeySize
        var bytes = [UInt8](repeating: 0, count: publicKeySize)
        guard EVP_PKEY_get_raw_public_key(key, &bytes, &size) == 1, size == publicKeySize else {
            throw .crypto("cannot derive the public key")
        }
        return bytes
    }

    static func sign(_ message: [UInt8], seed: [UInt8]) throws(AuditError) -> [UInt8] {
        let key = try privateKey(seed)
        defer { EVP_PKEY_free(key) }
        guard let context = EVP_MD_CTX_new() else { throw .crypto("out of memory") }
        defer { EVP_MD_CTX_free(context) }
        var size = signatureSize
        var signature = [UInt8](repeating: 0, count: signatureSize)
        guard EVP_DigestSignInit(context, nil, nil, nil, key) == 1,
            EVP_DigestSign(context, &signature, &size, message, message.count) == 1, size == signatureSize
        else { throw .crypto("signing failed") }
        return signature
    }

    static func verify(_ signature: [UInt8], of message: [UInt8], publicKey: [UInt8]) -> Bool {
        guard signature.count == signatureSize, publicKey.count == publicKeySize,
            let key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, publicKey, publicKeySize)
        else { return false }
        defer { EVP_PKEY_free(key) }
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        return EVP_DigestVerifyInit(context, nil, nil, nil, key) == 1
            && EVP_DigestVerify(context, signature, signatureSize, message, message.count) == 1
    }

    private static func privateKey(_ seed: [UInt8]) throws(AuditError) -> OpaquePointer {
        guard seed.count == seedSize, let key = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, seed, seedSize) else {
            throw .malformedKey("an Ed25519 private key is 32 bytes")
        }
        return key
    }
}
