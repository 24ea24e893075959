import AmendKit
import DraftText
import Testing

@testable import amend

/// The CLI words the library's typed errors: each case to the one line printed, flags included.
@Suite("Messages for typed refusals")
struct MessagesTests {
  @Test("a collision names both proposals, the words and the way through")
  func collision() {
    let error = DecisionError.collides(
      proposal: "b2", delegation: "Brazil", with: "a1", withDelegation: "European Union", words: "forced labor",
      clause: "7.b")
    #expect(
      Messages.message(for: error)
        == "b2 (Brazil) collides with a1 (European Union), already accepted: both change 'forced labor' in 7 (b); accept b2 with "
        + "--as-revised TEXT giving the merged wording"
    )
  }

  @Test("a title without an ordinal asks for --title, not for a Swift method")
  func titleWithoutOrdinal() throws {
    let line = try #require(Messages.message(for: NextDraftError.title(.noOrdinalInTitle(title: "Draft conclusions"))))
    #expect(line == "the title \"Draft conclusions\" has no ordinal such as \"Seventh draft\": give the new title with --title TITLE")
    #expect(!line.contains("replacingTitle"))
  }

  @Test("names point at where they came from")
  func names() {
    #expect(Messages.message(for: NameError.empty(.delegationEmail)) == "--email is empty: give an e-mail address, or leave it out")
    #expect(
      Messages.message(for: NameError.angleBracket(.committerName(.environment), text: "A<b"))
        == "the name in AMEND_COMMITTER 'A<b' contains < or >: a name is one line of printable text, without < or >, of at most 200 characters"
    )
    #expect(
      Messages.message(for: NameError.lineBreak(.committerEmail(.gitConfig), text: "a\nb"))
        == "git config user.email 'a\\nb' has a line break or control character: an e-mail address is one line of printable text, "
        + "without < or >, of at most 200 characters"
    )
  }

  @Test("a decision to take back names reopen or reconsider by the session that took it")
  func takeBack() {
    #expect(
      Messages.message(for: DecisionError.alreadyDecided(proposal: "a1", status: .accepted, session: "s1", takeBack: .reconsider))
        == "a1 is already accepted in session s1: 'amend reconsider a1' takes the decision back")
    #expect(
      Messages.message(for: NextDraftError.nothingDecided(since: 7))
        == "nothing has been decided since the seventh draft: take decisions in a session first, or pass --allow-empty to produce the "
        + "eighth draft anyway"
    )
  }

  @Test("errors that are not refusals are left to Failure")
  func others() {
    #expect(Messages.message(for: DraftError.empty) == nil)
  }
}
