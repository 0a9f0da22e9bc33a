# The two newcomer commands (README): `make demo` and `make test`. Both install what they need first.
SWIFT ?= swift
APT_PACKAGES := liblz4-dev libsqlite3-dev libxml2-dev libssl-dev zlib1g-dev pkg-config sqlite3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Where `make install` puts bin/zorgledger; DESTDIR stages it for a package.
PREFIX ?= /usr/local
BINDIR := $(DESTDIR)$(PREFIX)/bin
# sudo only when the folder cannot be written as we are.
INSTALL_SUDO = $(shell mkdir -p "$(BINDIR)" 2>/dev/null; [ -w "$(BINDIR)" ] || echo $(SUDO))

.PHONY: setup build demo install test bench bench-growth peer

# Installs the C libraries zorgledger links against (Debian/Ubuntu), only when one is missing.
setup:
	@if ! dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(APT_PACKAGES); \
	fi

build: setup
	$(SWIFT) build -c release --product zorgledger

# Builds zorgledger, makes a ledger from a built-in generated scenario and tours it.
demo: build
	.build/release/zorgledger demo --db zorgledger-demo.sqlite
	@echo "(\`make install\` puts zorgledger in $(BINDIR), so the commands above work as printed.)"

# Installs the release binary as $(PREFIX)/bin/zorgledger (default /usr/local/bin).
install: build
	$(INSTALL_SUDO) install -d "$(BINDIR)"
	$(INSTALL_SUDO) install -m 0755 .build/release/zorgledger "$(BINDIR)/zorgledger"

# The log on PostgreSQL is tested against a throwaway server on loopback that .ci/with-postgres starts (installing
# PostgreSQL from Debian when it may) and stops; without one those tests report themselves skipped.
test: setup
	$(SWIFT) build --build-tests
	.ci/with-postgres ZORGLEDGER_TEST_POSTGRES $(SWIFT) test --skip-build

# The ratio table of shared/perf/baselines.md: every figure beside its raw baseline, median of 5 runs; then the
# read side: every list command and the lookups at 10k and 100k messages, growth, peak, raw read of their rows.
# With a throwaway PostgreSQL server on loopback (.ci/with-postgres), also the log on PostgreSQL: ingest by 1, 2
# and 4 writers and a read model catching up, beside the SQLite figures of the same files. With the peer (below),
# also the CLI ingest against the Python eventsourcing library's bare append of the same files.
bench: setup peer
	$(SWIFT) build -c release --product zorgledger
	$(SWIFT) build -c release --product zorgledger-bench
	$(PEER_ENV) .ci/with-postgres ZORGLEDGER_BENCH_POSTGRES .build/release/zorgledger-bench --messages 100000 --runs 5

# Adds the growth figure: three ingests of 100k and three of 1M messages, medians (needs about 5 GB of disk).
bench-growth: setup peer
	$(SWIFT) build -c release --product zorgledger
	$(SWIFT) build -c release --product zorgledger-bench
	$(PEER_ENV) .ci/with-postgres ZORGLEDGER_BENCH_POSTGRES .build/release/zorgledger-bench --messages 100000 --runs 5 --growth 10

# The peer of the benchmarks: eventsourcing 9.5 in a virtual environment of its own (from PyPI). When it cannot be
# installed the benchmarks run without it and say so.
PEER_VENV := .build/peer-venv
PEER_ENV = $(shell [ -x $(PEER_VENV)/bin/python ] && echo ZORGLEDGER_BENCH_PYTHON=$(PEER_VENV)/bin/python)
peer:
	@[ -x $(PEER_VENV)/bin/python ] || { python3 -m venv $(PEER_VENV) && $(PEER_VENV)/bin/pip install -q eventsourcing==9.5.0; } \
		|| { rm -rf $(PEER_VENV); echo "eventsourcing could not be installed: the benchmarks leave its figure out"; }
