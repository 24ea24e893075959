import AmendKit
import DraftText
import Foundation

/// The Akoma Ntoso names of a negotiation: FRBR URIs after the AKN naming convention, references'
/// ids, and the dates drafts carry. Every value comes from the record, never from the clock.
struct AkomaNtosoNames {
  /// The namespace of Akoma Ntoso 3.0.
  static let namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
  /// amend's own namespace, for the layout hints in `meta/proprietary`.
  static let layoutNamespace = "https://amend.dev/ns/akn-layout/1"
  /// The country component of every URI: the United Nations, as AKN4UN writes it.
  static let country = "un"
  /// The language of the texts (amend negotiates in English).
  static let language = "eng"

  /// The document's `name` ("conclusionsAndRecommendations", "resolution"…).
  var name: String
  /// `/akn/un/statement/conclusionsAndRecommendations/2010-10-12/migration`.
  var work: String
  /// The date of the first draft: the work's date.
  var workDate: String
  /// Each numbered draft's date, by number.
  var draftDates: [Int: String]
  /// Each numbered draft's title (or "Draft N").
  var draftTitles: [Int: String]

  /// The names of the negotiation `snapshot` records, with its drafts up to `upTo`.
  init(_ snapshot: Snapshot, upTo: Int) throws {
    let numbers = (try snapshot.draftFiles.get()).map(\.number).filter { $0 <= upTo }
    let ledger = try? snapshot.ledger.get()
    var timeline: DraftTimeline?
    var dates: [Int: String] = [:]
    var titles: [Int: String] = [:]
    var first: DraftVersion?
    for number in numbers {
      let version = try snapshot.draft(number: number)
      if first == nil { first = version }
      titles[number] = version.draft.titleBlock?.title ?? "Draft \(number)"
      if let written = version.draft.titleBlock?.writtenDate.flatMap(Self.day) {
        dates[number] = written
      } else if let produced = ledger?.producedDrafts[number] {
        dates[number] = String(produced.time.prefix(10))
      } else {
        if timeline == nil { timeline = try? snapshot.timeline() }
        let commit = timeline?.firstCommit(ofDraft: number)
        dates[number] = commit.map { Self.day($0.committer.time) } ?? "1970-01-01"
      }
    }
    draftDates = dates
    draftTitles = titles
    workDate = numbers.first.flatMap { dates[$0] } ?? "1970-01-01"
    let block = first?.draft.titleBlock
    name = Self.documentName(title: block?.title)
    let number = Self.slug(block?.subject ?? "") ?? "negotiation"
    work = "/akn/\(Self.country)/statement/\(name)/\(workDate)/\(number)"
  }

  /// `…/eng@draft-8`: a draft is an expression of the negotiation's work.
  func expression(_ number: Int) -> String { "\(work)/\(Self.language)@draft-\(number)" }

  /// The main document of draft `number`, to which `#eId` fragments are added.
  func main(_ number: Int) -> String { expression(number) + "/!main" }

  /// The reference id of draft `number`'s event.
  static func draftEvent(_ number: Int) -> String { "draft_\(number)" }

  /// "Seventh draft of conclusions and recommendations" → "conclusionsAndRecommendations";
  /// "statement" when the title says nothing after "draft".
  static func documentName(title: String?) -> String {
    guard let title else { return "statement" }
    let lower = title.lowercased()
    guard let range = lower.range(of: "draft") else { return "statement" }
    var rest = lower[range.upperBound...].trimmingCharacters(in: .whitespaces)
    if rest.hasPrefix("of ") { rest = String(rest.dropFirst(3)) }
    let words = rest.split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { !$0.isEmpty }
    guard let head = words.first, head.allSatisfy(\.isASCII) else { return "statement" }
    return head + words.dropFirst().filter { $0.allSatisfy(\.isASCII) }.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }

  /// A URI component from words: lower-case ASCII letters and digits joined by hyphens; nil if none.
  static func slug(_ words: String) -> String? {
    let parts = words.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
    return parts.isEmpty ? nil : parts.joined(separator: "-")
  }

  /// An id for a person or delegation in `references`: "European Union" → "european-union".
  static func reference(_ name: String) -> String {
    let slug = Self.slug(name) ?? "party"
    return slug.first?.isLetter == true ? slug : "p-" + slug
  }

  /// `name`'s reference id, made unique among `used` ("european-union", "european-union-2"), and noted there.
  static func uniqueReference(_ name: String, among used: inout Set<String>) -> String {
    var candidate = reference(name)
    var count = 1
    while used.contains(candidate) {
      count += 1
      candidate = reference(name) + "-\(count)"
    }
    used.insert(candidate)
    return candidate
  }

  /// YYYY-MM-DD of a written date.
  static func day(_ date: DateComponents) -> String? {
    guard let year = date.year, let month = date.month, let day = date.day else { return nil }
    return String(format: "%04d-%02d-%02d", year, month, day)
  }

  /// YYYY-MM-DD of a moment, in UTC.
  static func day(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
  }

  /// The work of proposal `id`, tabled on `day`.
  static func amendment(_ id: String, tabled day: String) -> String {
    "/akn/\(country)/amendment/\(day)/\(id)"
  }
}
