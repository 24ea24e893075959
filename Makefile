# The two commands of the README's quick start. Each installs libgit2's headers (Debian's
# libgit2-dev, with pkg-config) only when pkg-config cannot find libgit2, and touches nothing else.
SWIFT ?= swift

.PHONY: demo test deps

deps:
	@pkg-config --exists libgit2 2>/dev/null || scripts/install-libgit2.sh

demo: deps
	$(SWIFT) build --product amend
	scripts/demo.sh "$$($(SWIFT) build --show-bin-path)/amend"

test: deps
	$(SWIFT) test
