# The two commands of the README's quick start. Each installs libgit2's headers (Debian's
# libgit2-dev, with pkg-config) only when pkg-config cannot find libgit2, and touches nothing else.
SWIFT ?= swift

.PHONY: demo room test deps tools example docs lint

deps:
	@pkg-config --exists libgit2 2>/dev/null || scripts/install-libgit2.sh

# The independent readers the tests check documents with (pandoc, LibreOffice, xmllint, Chromium, poppler).
tools:
	@scripts/install-tools.sh

demo: deps
	$(SWIFT) build --product amend
	scripts/demo.sh "$$($(SWIFT) build --show-bin-path)/amend"

# The bundled example served to the room (docs/SERVE.md): sign-in links printed, then amend serve.
room: deps
	$(SWIFT) build --product amend
	scripts/room.sh "$$($(SWIFT) build --show-bin-path)/amend"

test: deps tools lint
	$(SWIFT) test
	$(MAKE) example

# The house style (.swift-format, after swift-argument-parser's): the formatter's lint, warnings as errors.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Examples Package.swift

# The example client of the library (Examples/TableDecideProduce): tables an amendment to 7 (b), decides
# it, produces the eighth draft and prints its 7 (b), which must now read "forced labour".
SEED ?= ../shared/seeds/seventh-draft-migration-2010-10-12.txt

example: deps
	$(SWIFT) build --product TableDecideProduce
	@out="$$("$$($(SWIFT) build --show-bin-path)/TableDecideProduce" "$(SEED)")"; status=$$?; echo "$$out"; \
	  [ $$status -eq 0 ] || exit $$status; \
	  echo "$$out" | grep -q "forced labour" || { echo "make example: the eighth draft's 7 (b) does not read 'forced labour'" >&2; exit 1; }

# DocC: the AmendKit catalog (Sources/AmendKit/AmendKit.docc) built against the module's public symbols,
# with every link resolved (warnings are errors). Output in .build/docs/AmendKit.doccarchive.
docs: deps
	$(SWIFT) build --target AmendKit
	rm -rf .build/docs && mkdir -p .build/docs/symbol-graphs
	swift-symbolgraph-extract -module-name AmendKit -minimum-access-level public \
	  -target "$$(uname -m)-unknown-linux-gnu" -I "$$($(SWIFT) build --show-bin-path)/Modules" -I Sources/CLibGit2 \
	  -Xcc -I.build/checkouts/Yams/Sources/CYaml/include -output-dir .build/docs/symbol-graphs
	docc convert Sources/AmendKit/AmendKit.docc --additional-symbol-graph-dir .build/docs/symbol-graphs \
	  --fallback-display-name AmendKit --fallback-bundle-identifier amend.AmendKit --warnings-as-errors \
	  --output-path .build/docs/AmendKit.doccarchive
