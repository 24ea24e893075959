import DraftText
import Foundation
import GitStore

extension HistoryCheck {
  /// Re-derives the draft that `commit` completed, with the code `amend next` runs (`planNextDraft`), from
  /// the draft before it and the decisions recorded before its chain began, and compares it byte for byte
  /// with what was committed: the first commit of the chain (a copy of the previous draft), each applied
  /// proposal's commit, the final text, its numbering table and the event's list of applied proposals.
  /// Every draft change it accounts for is marked explained.
  func rederive(_ commit: Commit, eventPath: String) throws -> DerivedFacts {
    var facts = DerivedFacts(number: 0, derived: false, breaches: [], explained: [])
    func breach(_ at: Commit, _ kind: Breach.Kind) { facts.breaches.append(Breach(commit: at.id, kind: kind)) }
    guard let blob = try repository.blobID(at: eventPath, inCommit: commit.id), let event = try? self.event(blob, path: eventPath),
      let number = event.draft
    else {
      breach(commit, .draftNotDerivable(draft: 0, problem: "its draft-produced event names no draft"))
      return facts
    }
    facts.number = number
    let file = DraftFile(number: number)
    let path = file.path
    // The chain: first-parent ancestors that change this draft's file and nothing else, back to the one
    // that added it.
    var chain: [Commit] = []
    var cursor = commit.parents.first
    var begun: Commit?
    // A step that changes nothing (a proposal whose text was already there) is still a commit of the chain.
    while let id = cursor, let step = commits[id], step.parents.count == 1 {
      let change = draftChanges[id]?.first
      guard changeCounts[id] == 0 || (changeCounts[id] == 1 && change?.path == path) else { break }
      chain.insert(step, at: 0)
      if change?.added == true {
        begun = step
        break
      }
      cursor = step.parents[0]
    }
    guard let begun, let base = begun.parents.first else {
      breach(commit, .draftDiffers(draft: number, path: path, part: "first commit (no copy of the previous draft begins it)"))
      return facts
    }
    let snapshot = Snapshot(repository: repository, tip: base, memory: workspace.memory)
    let current: DraftVersion
    do {
      current = try snapshot.currentDraft()
    } catch {
      breach(commit, .draftNotDerivable(draft: number, problem: "the draft before it cannot be read (\(error))"))
      return facts
    }
    guard current.number + 1 == number else {
      breach(commit, .draftNotDerivable(draft: number, problem: "the draft before it is the \(Ordinal.words(current.number))"))
      return facts
    }
    guard let date = event.calendarDate else {
      breach(commit, .draftNotDerivable(draft: number, problem: "its event has no date"))
      return facts
    }
    let committed = try text(at: path, in: commit.id)
    var plan: NextDraftPlan
    do {
      plan = try workspace.planNextDraft(snapshot: snapshot, current: current, date: date, title: nil)
      // The title is the secretariat's to choose (`amend next --title`): take the committed one when the
      // default differs.
      if plan.result.text != committed, let title = (try? Draft(parsing: committed ?? ""))?.titleBlock?.title {
        if let titled = try? workspace.planNextDraft(snapshot: snapshot, current: current, date: date, title: title) {
          plan = titled
        }
      }
    } catch {
      breach(commit, .draftNotDerivable(draft: number, problem: "\(error)"))
      return facts
    }
    var differs = false
    func differ(_ at: Commit, _ part: String) {
      breach(at, .draftDiffers(draft: number, path: path, part: part))
      differs = true
    }
    if try text(at: path, in: begun.id) != current.text { differ(begun, "first commit (not a copy of the previous draft)") }
    let steps = Array(chain.dropFirst())
    if steps.count != plan.steps.count {
      differ(commit, "chain (\(steps.count) step commits, \(plan.steps.count) proposals to apply)")
    } else {
      for (step, planned) in zip(steps, plan.steps) {
        let what = step.message.split(separator: "\n").first.map(String.init) ?? step.id.short
        if try text(at: path, in: step.id) != planned.text || step.author.name != planned.author.name {
          differ(step, "step '\(what)'")
        }
      }
    }
    if committed != plan.result.text { differ(commit, "text") }
    let numbering = try RecordCoding.encoder().encode(plan.result.numbering)
    if try text(at: file.numberingPath, in: commit.id) != numbering { differ(commit, "numbering table") }
    if (event.applied ?? []) != plan.result.applied { differ(commit, "applied list") }
    facts.derived = !differs
    // Whatever the outcome, the chain is what `next` wrote; its differences are reported above.
    facts.explained = chain.map { "\($0.id.hex) \(path)" } + ["\(commit.id.hex) \(path)", "\(commit.id.hex) \(file.numberingPath)"]
    return facts
  }

  func text(at path: String, in commit: ObjectID) throws -> String? {
    try repository.fileContent(at: path, inCommit: commit).map { String(decoding: $0, as: UTF8.self) }
  }
}
