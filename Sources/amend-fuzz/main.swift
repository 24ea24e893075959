// amend-fuzz: feeds the draft parser hostile texts from a seed and checks what must always hold
// (ParserOracle). Usage: amend-fuzz [--runs N] [--seed S] [--out DIR]
// Also: --explain FILE (each line as the grammar reads it, then the oracle's problems), --time FILE
// (how long one draft takes to parse), --seed S --find FILE (which run produced FILE).
// Prints one line: runs, seed, time, failures. Each failing input is written to DIR (default
// ./fuzz-failures) as run-<seed>-<run>.txt; a crash writes the input it died on before exiting.
import DraftFuzz
import DraftText
import Foundation

var runs = 10_000
var first = 0
var seed: UInt64 = 1
var out = "fuzz-failures"
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
  guard let value = arguments.popFirst() else {
    FileHandle.standardError.write(Data("amend-fuzz: error: \(flag) needs a value: give --runs N --seed S [--out DIR]\n".utf8))
    exit(64)
  }
  switch flag {
  case "--explain":
    // One file: each line with what the grammar says, then the oracle's problems.
    let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: value)), as: UTF8.self)
    for (number, line) in ParserOracle.contents(text).enumerated() {
      print("\(number + 1)\t\(MarkerGrammar.looksLikeMarker(line) ? "marker" : "-")\t\(line.debugDescription)")
    }
    print(ParserOracle.problems(in: text).joined(separator: "\n"))
    exit(0)
  case "--time":
    // One file: how long parsing takes, and how many clauses it finds.
    let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: value)), as: UTF8.self)
    let began = Date()
    let draft = try DraftText.Draft(parsing: text)
    let took = Date().timeIntervalSince(began)
    print("\(draft.clauses.count) clauses in \(String(format: "%.3f", took)) s")
    exit(0)
  case "--find":
    // Which run of --seed S (given before) produced this file, e.g. the input a crash left behind.
    let wanted = try Data(contentsOf: URL(fileURLWithPath: value))
    for run in 0..<Int.max where Data(HostileDraft(seed: SplitMix.runSeed(seed, run: run)).text.utf8) == wanted {
      print("run \(run) of seed \(seed)")
      exit(0)
    }
  case "--runs" where Int(value) != nil: runs = Int(value)!
  case "--seed" where UInt64(value) != nil: seed = UInt64(value)!
  case "--from" where Int(value) != nil: first = Int(value)!  // resume a stopped campaign at this run
  case "--out": out = value
  default:
    FileHandle.standardError.write(Data("amend-fuzz: error: cannot read \(flag) \(value): give --runs N --seed S [--out DIR]\n".utf8))
    exit(64)
  }
}

try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
CrashCatcher.arm(path: "\(out)/crash-\(seed).txt")
let start = Date()
var failures = 0
for run in first..<runs {
  let input = HostileDraft(seed: SplitMix.runSeed(seed, run: run))
  CrashCatcher.hold(input.text)
  let problems = ParserOracle.problems(in: input.text, markerLines: input.markerLines)
  if (run + 1) % 100_000 == 0 {
    // A line now and then, so a long campaign shows how far it has got if it must be stopped.
    FileHandle.standardError.write(Data("amend-fuzz: \(run + 1) runs, \(failures) failing, \(Int(Date().timeIntervalSince(start))) s\n".utf8))
  }
  guard !problems.isEmpty else { continue }
  failures += 1
  let path = "\(out)/run-\(seed)-\(run).txt"
  try Data(input.text.utf8).write(to: URL(fileURLWithPath: path))
  if failures <= 20 {
    FileHandle.standardError.write(Data("run \(run): \(problems.prefix(3).joined(separator: "; ")) → \(path)\n".utf8))
  }
}
let seconds = Date().timeIntervalSince(start)
let rate = seconds > 0 ? Int(Double(runs - first) / seconds) : runs - first
print(
  "amend-fuzz: \(runs - first) runs (\(first)..<\(runs)) from seed \(seed) in \(String(format: "%.1f", seconds)) s (\(rate)/s), \(failures) failing")
exit(failures == 0 ? 0 : 1)
