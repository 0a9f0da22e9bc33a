// SHA-256 for the log; Ed25519 signatures and key generation for checkpoints.
//
// The log hashes through libcrypto's low-level SHA256_Init/Update/Final on a context on the stack:
// they pick the CPU's SHA extensions like every other path, but skip the one-shot SHA256()'s
// EVP set-up (a context allocated and an implementation fetched on every call), which cost about
// 270 ns a hash here, five times the hash of a Merkle node itself. OpenSSL 3 marks those calls
// deprecated (they stay for the whole 3.x series); the marking is switched off for this module only.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
