# The two commands of the README's quick start. Each installs libgit2's headers (Debian's
# libgit2-dev, with pkg-config) only when pkg-config cannot find libgit2, and touches nothing else.
SWIFT ?= swift

.PHONY: demo test deps example

deps:
	@pkg-config --exists libgit2 2>/dev/null || scripts/install-libgit2.sh

demo: deps
	$(SWIFT) build --product amend
	scripts/demo.sh "$$($(SWIFT) build --show-bin-path)/amend"

test: deps
	$(SWIFT) test
	$(MAKE) example

# The example client of the library (Examples/TableDecideProduce): tables an amendment to 7 (b), decides
# it, produces the eighth draft and prints its 7 (b), which must now read "forced labour".
SEED ?= ../shared/seeds/seventh-draft-migration-2010-10-12.txt

example: deps
	$(SWIFT) build --product TableDecideProduce
	@out="$$("$$($(SWIFT) build --show-bin-path)/TableDecideProduce" "$(SEED)")"; status=$$?; echo "$$out"; \
	  [ $$status -eq 0 ] || exit $$status; \
	  echo "$$out" | grep -q "forced labour" || { echo "make example: the eighth draft's 7 (b) does not read 'forced labour'" >&2; exit 1; }
