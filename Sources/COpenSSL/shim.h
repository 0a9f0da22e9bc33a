// SHA-256 for the log (the one-shot call picks the CPU's SHA extensions when present, which keeps
// hashing far below the cost of an insert); Ed25519 signatures and key generation for checkpoints.
#include <openssl/sha.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
