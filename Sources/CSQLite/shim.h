#include <sqlite3.h>

/// Turns SQLite's memory statistics off; a no-op (SQLITE_MISUSE) once SQLite is initialized.
/// Swift cannot call the variadic sqlite3_config itself.
static inline int zorgledger_sqlite3_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
