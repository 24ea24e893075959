import Foundation
import Testing

/// `POST /api/proposals` takes "choose-option": true for an option line, as `--choose-option` alone (issue 17).
@Suite("Choosing an option through the API")
struct OptionsAPITests {
  @Test("\"choose-option\": true chooses an option line; on a paragraph it is refused as the CLI refuses it")
  func chooseOption() throws {
    let paris = URL(fileURLWithPath: Amend.packageRoot).deletingLastPathComponent()
      .appendingPathComponent("shared/realcases/paris_03_draft_2015-12-09.md").path
    let negotiation = try Negotiation(from: paris)
    let token = try Amend.grant("delegation", "Brazil", in: negotiation.path)
    let server = try ServerProcess(negotiation)
    let made = try server.request("POST", "/api/proposals", token: token, json: #"{"clause": "Option 2 of Article 2bis", "choose-option": true}"#)
    #expect(made.status == 201, "\(made.text)")
    #expect(made.text.contains("choose Option 2 of Article 2bis, deleting the other options"), "\(made.text)")
    let refused = try server.request("POST", "/api/proposals", token: token, json: #"{"clause": "Article 2bis.1", "choose-option": true}"#)
    #expect(refused.status >= 400 && refused.text.contains("is not an option line"), "\(refused.status) \(refused.text)")
    let number = try server.request("POST", "/api/proposals", token: token, json: #"{"clause": "Article 2.1", "choose-option": 1}"#)
    #expect(number.status == 201, "\(number.text)")
  }
}
