// Only the one-shot SHA-256 of libcrypto is used: it picks the CPU's SHA extensions
// when present, which keeps hashing far below the cost of an insert.
#include <openssl/sha.h>
