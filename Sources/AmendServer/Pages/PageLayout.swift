import Documents
import Foundation

/// The frame of every page the server serves: the head (the one stylesheet and the one script, both from
/// the server, no external address), the navigation for the visitor's role, and the body as given. The
/// visitor's CSRF token is in a `<meta>` for the script; nothing else about the session is on the page.
enum PageLayout {
  /// `text` escaped by Documents' one rule.
  static func e(_ text: some StringProtocol) -> String { HTMLEscaping.escape(text) }

  static func page(title: String, body: String, visitor: PageVisitor?, current: String, bodyClass: String = "room") -> String {
    var head = """
      <!DOCTYPE html>
      <html lang="\(HTMLDocument.defaultLanguage)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="amend">

      """
    if let visitor { head += "<meta name=\"csrf-token\" content=\"\(e(visitor.csrf))\">\n" }
    head += """
      <title>\(e(title))</title>
      <link rel="icon" href="data:,">
      <link rel="stylesheet" href="\(RoomAssets.stylesheetPath)">
      <script src="\(RoomAssets.scriptPath)" defer></script>
      </head>
      <body class="\(e(bodyClass))">

      """
    let chrome = bodyClass == "screen" ? "" : navigation(visitor: visitor, current: current)
    return head + chrome + "<main id=\"main\">\n" + body + "</main>\n</body>\n</html>\n"
  }

  /// The links along the top: reading for everyone, then what the visitor's role may do.
  static func navigation(visitor: PageVisitor?, current: String) -> String {
    var links: [(String, String)] = [
      ("/draft", "Draft"), ("/compilation", "Compilation"), ("/agenda", "Agenda"), ("/drafts", "Drafts"), ("/log", "Log"),
      ("/screen", "Screen"),
    ]
    switch visitor?.role {
    case .delegation: links += [("/table", "Table an amendment"), ("/mine", "My proposals")]
    case .chair: links += [("/chair", "Chair's console")]
    case .secretariat: links += [("/chair", "Chair's console"), ("/secretariat", "Next draft")]
    case nil: break
    }
    var html = "<nav class=\"site\">\n<ul>\n"
    for (path, name) in links {
      let here = path == current ? " aria-current=\"page\"" : ""
      html += "<li><a href=\"\(path)\"\(here)>\(e(name))</a></li>\n"
    }
    html += "</ul>\n<p class=\"who\">"
    if let visitor {
      html += "Signed in as <span class=\"visitor-name\">\(e(visitor.name))</span> (\(visitor.role.rawValue)) "
      html += "<button type=\"button\" data-action=\"signout\">Sign out</button>"
    } else {
      html += "<a href=\"/signin\">Sign in</a>"
    }
    return html + "</p>\n</nav>\n"
  }

  /// A line saying the page needs someone signed in with another role.
  static func needsRole(_ words: String) -> String {
    "<h1 class=\"page-title\">\(e(words))</h1>\n<p>Sign in with the link the secretariat gave you (<a href=\"/signin\">sign in</a>).</p>\n"
  }

  /// A reading that failed (no such clause, draft or proposal): its one line, escaped.
  static func problem(_ line: String) -> String {
    "<p class=\"refusal\" role=\"alert\">\(e(line))</p>\n"
  }
}
