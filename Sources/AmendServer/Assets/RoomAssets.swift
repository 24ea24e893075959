import Documents

/// The one stylesheet and the one script the server's pages load, served from the server itself
/// (`/assets/…`): no CDN, no external address, so the pages work in a room with no Internet and a
/// Content-Security-Policy of 'self' holds.
public enum RoomAssets {
  public static let stylesheetPath = "/assets/amend.css"
  public static let scriptPath = "/assets/amend.js"

  /// Documents' stylesheet (clauses, redlines in each author's colour, legend), then the room's own
  /// rules: navigation, forms, the chair's console and the screen.
  public static let stylesheet: String = HTMLDocument.stylesheet + roomStylesheet

  /// The room's rules on top of the documents' stylesheet.
  static let roomStylesheet = #"""
    /* The room: pages served by amend serve. */
    body.room { max-width: 60em; font-family: "DejaVu Sans", "Liberation Sans", sans-serif; font-size: 11pt; }
    body.room .draft, body.room .proposal, body.room .version, body.room .change, body.room .clause {
      font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 12pt; }
    nav.site { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 0.5em;
      border-bottom: 1px solid #bbb; padding: 0.3em 0 0.5em; margin-bottom: 1em; }
    nav.site ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.2em 1em; margin: 0; padding: 0; }
    nav.site a { color: #1f4e9c; text-decoration: none; }
    nav.site a[aria-current="page"] { font-weight: bold; text-decoration: underline; }
    nav.site .who { margin: 0; color: #333; }
    .clause-links { margin: -0.3em 0 0.5em 2.6em; font-size: 0.8em; }
    .clause-links a { color: #555; margin-right: 0.8em; }
    .refusal { color: #8a1c00; background: #fff2ee; border-left: 0.3em solid #b3261e; padding: 0.3em 0.6em; font-weight: bold; }
    .refusal:empty { display: none; }
    .done { color: #1b5e20; background: #eef7ee; border-left: 0.3em solid #2e7d32; padding: 0.3em 0.6em; }
    .done:empty { display: none; }
    .room-form { display: grid; grid-template-columns: max-content 1fr; gap: 0.5em 1em; align-items: start; margin: 1em 0; }
    .room-form label { font-weight: bold; padding-top: 0.25em; }
    .room-form .wide, .room-form .actions { grid-column: 1 / -1; }
    .room-form input[type=text], .room-form input[type=date], .room-form select, .room-form textarea {
      font: inherit; padding: 0.25em 0.4em; border: 1px solid #888; border-radius: 0.2em; width: 100%; box-sizing: border-box; }
    .room-form .field[hidden] { display: none; }
    button { font: inherit; padding: 0.3em 0.9em; border: 1px solid #555; border-radius: 0.25em; background: #f2f2f2; cursor: pointer; }
    button.primary { background: #1f4e9c; color: #fff; border-color: #1f4e9c; }
    button.accept { background: #2e7d32; color: #fff; border-color: #2e7d32; }
    button.reject { background: #b3261e; color: #fff; border-color: #b3261e; }
    .preview { border: 1px dashed #888; padding: 0.5em 0.8em; margin: 0.5em 0 1em; min-height: 2em; }
    .preview h2 { margin-top: 0; font-size: 1em; }
    .item { border-top: 1px solid #ddd; padding: 0.5em 0; }
    .item .decide { display: flex; flex-wrap: wrap; gap: 0.4em; margin: 0.3em 0 0 2.6em; }
    .item textarea.as-revised { width: 100%; min-height: 4em; font: inherit; margin: 0.3em 0; box-sizing: border-box; }
    details.revise { margin: 0.3em 0 0 2.6em; }
    .session-line { font-weight: bold; }
    .collision { color: #8a1c00; font-weight: bold; }
    table.log { border-collapse: collapse; width: 100%; font-size: 0.9em; }
    table.log th, table.log td { text-align: left; border-bottom: 1px solid #ddd; padding: 0.2em 0.4em; vertical-align: top; }
    table.log code { white-space: nowrap; }

    /* The screen: read from the back of the room. White ground, black text, the clause number large. */
    body.screen { max-width: none; margin: 0; padding: 2vh 3vw; background: #fff; color: #000;
      font-family: "DejaVu Sans", "Liberation Sans", sans-serif; font-size: clamp(22px, 2.6vw, 64px); line-height: 1.35; }
    .screen-head { display: flex; justify-content: space-between; gap: 1em; font-size: 0.7em; color: #222;
      border-bottom: 0.12em solid #000; padding-bottom: 0.3em; margin-bottom: 0.6em; }
    .screen-now .clause-number { font-size: 2.6em; font-weight: bold; line-height: 1.1; margin: 0 0 0.2em; }
    .screen-now .clause-text { font-family: "DejaVu Serif", "Liberation Serif", serif; margin: 0 0 0.8em; }
    .screen-proposals { list-style: none; margin: 0; padding: 0; }
    .screen-proposals li { border-left: 0.3em solid var(--who, #000); padding: 0.2em 0 0.2em 0.6em; margin: 0 0 0.7em; }
    .screen-proposals .by { font-weight: bold; }
    .screen-proposals .pid { font-family: "DejaVu Sans Mono", monospace; font-size: 0.7em; color: #333; }
    .screen-proposals .words { font-family: "DejaVu Serif", "Liberation Serif", serif; }
    .screen ins { text-decoration-thickness: 0.12em; font-weight: bold; }
    .screen del { text-decoration-thickness: 0.12em; }
    .screen-decided { margin-top: 0.8em; border-top: 0.08em solid #000; padding-top: 0.4em; font-size: 0.85em; }
    .screen-decided .verdict { font-weight: bold; text-transform: uppercase; letter-spacing: 0.04em; }
    .screen-decided .verdict.accepted { color: #1b5e20; }
    .screen-decided .verdict.rejected { color: #8a1c00; }
    .screen-quiet { font-size: 1.3em; color: #222; }
    """#
}
