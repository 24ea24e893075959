// swift-tools-version: 6.1
import Foundation
import PackageDescription

let package = Package(
  name: "amend",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "amend", targets: ["amend"]),
    .library(name: "AmendKit", targets: ["AmendKit"]),
    .library(name: "Documents", targets: ["Documents"]),
    .library(name: "AmendServer", targets: ["AmendServer"]),
    .library(name: "DraftText", targets: ["DraftText"]),
    .library(name: "GitStore", targets: ["GitStore"]),
    .library(name: "Wording", targets: ["Wording"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    // libgit2 through pkg-config; only GitStore imports it.
    .systemLibrary(
      name: "CLibGit2",
      pkgConfig: "libgit2",
      providers: [.apt(["libgit2-dev"])]
    ),
    .target(name: "GitStore", dependencies: ["CLibGit2"]),
    .target(name: "DraftText"),
    // Word-level diff, merge, redline and matching of pasted text: pure Swift, no git, no drafts.
    .target(name: "Wording"),
    .target(
      name: "AmendKit",
      dependencies: ["GitStore", "DraftText", "Wording", .product(name: "Yams", package: "Yams")]
    ),
    // The documents people circulate, made from AmendKit's values: HTML (and PDF from it), Word, Akoma Ntoso.
    .target(
      name: "Documents",
      dependencies: ["AmendKit", "DraftText", "Wording", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
    ),
    // The room: `amend serve` — pages, the JSON API and the live event stream over one repository (docs/SERVE.md).
    .target(
      name: "AmendServer",
      dependencies: [
        "AmendKit", "Documents", "DraftText", "Wording",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .executableTarget(
      name: "amend",
      dependencies: [
        "AmendKit", "AmendServer", "Documents", "DraftText", "GitStore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The benchmarks' deterministic negotiation generator (Benchmarks/, BENCHMARKS.md).
    .target(name: "NegotiationGenerator", dependencies: ["AmendKit", "DraftText", "Wording"]),
    .executableTarget(
      name: "amend-generate",
      dependencies: ["NegotiationGenerator", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    // The draft parser's fuzzer: hostile texts from a seed and what must hold for them (docs/RELIABILITY.md).
    .target(name: "DraftFuzz", dependencies: ["DraftText"]),
    .executableTarget(name: "amend-fuzz", dependencies: ["DraftFuzz", "DraftText"]),
    // An example client of the public API (README, AmendKit.docc): table, decide, produce the next draft.
    .executableTarget(
      name: "TableDecideProduce", dependencies: ["AmendKit", "DraftText"], path: "Examples/TableDecideProduce"),
    // The real git CLI, which every suite cross-checks amend against.
    .target(name: "GitCLISupport", path: "Tests/GitCLISupport"),
    .testTarget(name: "GitStoreTests", dependencies: ["GitStore", "GitCLISupport"]),
    .testTarget(
      name: "DraftTextTests",
      dependencies: ["DraftText", "DraftFuzz", .product(name: "PropertyBased", package: "swift-property-based")],
      exclude: ["Golden", "FuzzRegressions"]
    ),
    .testTarget(
      name: "AmendKitTests",
      dependencies: ["AmendKit", "DraftText", "GitStore", "Wording", "NegotiationGenerator", "GitCLISupport"]),
    // Golden/: the expected output of compile and agenda, read from the source tree.
    .testTarget(name: "AmendCLITests", dependencies: ["amend", "GitStore", "GitCLISupport"], exclude: ["Golden"]),
    // Documents checked by independent readers: pandoc, LibreOffice, xmllint with the AKN schema, Chromium.
    .testTarget(
      name: "DocumentsTests",
      dependencies: [
        "Documents", "AmendKit", "DraftText", "GitStore", "GitCLISupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    // The server over real HTTP on loopback, and in headless Chromium through chromedriver (WebDriver).
    .testTarget(
      name: "AmendServerTests",
      dependencies: [
        "AmendServer", "AmendKit", "GitStore", "GitCLISupport",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]),
  ]
)

// libFuzzer on the draft parser (scripts/fuzz-parser.sh): only with AMEND_LIBFUZZER=1, since the
// target has no main of its own and links only with -sanitize=fuzzer.
if ProcessInfo.processInfo.environment["AMEND_LIBFUZZER"] == "1" {
  package.targets.append(
    .executableTarget(
      name: "parser-fuzz", dependencies: ["DraftFuzz", "DraftText"],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
}
