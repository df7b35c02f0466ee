# Quark: `make run` starts every node of nodes.yml (`quark up`), `make test` runs every test. Both install what is missing.
SWIFT ?= swift

.PHONY: deps build release test run bench bench-checkout bench-nats clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Debug tests, then a release build (some Swift 6 concurrency diagnostics appear only there).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(SWIFT) build -c release

run: release
	.build/release/quark up

bench: release
	.build/release/quark bench local --inflight 1 --json
	.build/release/quark bench local --inflight 64 --json

# The store: checkouts through the node processes of nodes.yml against one process (BENCHMARKS.md).
bench-checkout: release
	.build/release/quark bench checkout --tier M --buyers 50 --seconds 10 --json

# Quark over NATS against two MoleculerPy nodes on the same nats-server (BENCHMARKS.md).
bench-nats: release
	scripts/bench-nats.sh

clean:
	rm -rf .build
