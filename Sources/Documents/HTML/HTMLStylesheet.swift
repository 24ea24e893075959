extension HTMLDocument {
  /// The one stylesheet of every page amend writes, inlined in each so the file stands alone: a serif
  /// text face, clauses indented by level with their markers hanging, insertions underlined and deletions
  /// struck in their author's colour, and an A4 print style with numbered pages. A server embedding the
  /// fragments puts it in its own `<style>`.
  public static let stylesheet: String = {
    var css = """
      :root { color-scheme: light; }
      body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 12pt; line-height: 1.45;
        color: #111; background: #fff; max-width: 46em; margin: 2em auto; padding: 0 1.5em; }
      .title-block { text-align: center; margin-bottom: 1.5em; }
      .title-block .subject { font-weight: bold; margin: 0; }
      .title-block h1 { font-size: 1.15em; font-weight: bold; margin: 0.2em 0; }
      .title-block .date { font-style: italic; margin: 0; }
      h1.page-title { font-size: 1.2em; margin: 0.5em 0 1em; }
      h2 { font-size: 1.05em; margin: 1.4em 0 0.4em; }
      .draft p { margin: 0.45em 0; }
      p.line { margin: 0.9em 0 0.45em; }
      .clause { padding-left: 2.6em; text-indent: -2.6em; text-align: justify; hyphens: auto; }
      /* Line numbers in one column at the draft's left edge, whatever the clause's level. */
      .draft.numbered { position: relative; }
      .numbered p[data-line]::before { content: attr(data-line); position: absolute; left: -3.2em; width: 2.4em; text-indent: 0;
        text-align: right; font-size: 0.75em; line-height: 2; color: #777; }
      .clause .marker { display: inline-block; min-width: 2.6em; text-indent: 0; white-space: pre; }
      p.clause.level-0 { padding-left: 0; text-indent: 2em; }
      p.clause.level-0 .marker { min-width: 0; }
      p.clause.level-1 { margin-left: 0; }
      p.clause.level-2 { margin-left: 2.6em; }
      p.clause.level-3 { margin-left: 5.2em; }
      ins { text-decoration: underline; text-decoration-thickness: 0.1em; text-underline-offset: 0.15em; }
      del { text-decoration: line-through; text-decoration-thickness: 0.08em; }
      ins, del { color: var(--who, #1f4e9c); background: color-mix(in srgb, var(--who, #1f4e9c) 9%, transparent); }
      .span-by { color: var(--who, inherit); border-bottom: 0.12em solid var(--who, transparent); }
      .legend { border: 1px solid #bbb; padding: 0.4em 0.8em; margin: 1em 0 1.5em; font-size: 0.9em; break-inside: avoid; }
      .legend h2 { font-size: 1em; margin: 0.2em 0 0.3em; }
      .legend ul { list-style: none; margin: 0; padding: 0; columns: 2; }
      .legend li { margin: 0.1em 0; }
      .swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.45em; vertical-align: -0.1em;
        background: var(--who); border-radius: 0.15em; }
      .proposal { margin: 0.5em 0 0.9em 2.6em; padding: 0.35em 0.7em; border-left: 0.25em solid var(--who, #999);
        background: #f7f7f7; font-size: 0.95em; break-inside: avoid; }
      .proposal p { margin: 0.25em 0; text-indent: 0; }
      .proposal .head { font-weight: bold; }
      .proposal .meta, .change .meta, .version .meta { color: #444; font-size: 0.9em; }
      .proposal .warning { color: #8a1c00; font-weight: bold; }
      .statement { font-style: italic; }
      .change { margin: 0.4em 0 1em; }
      .change .meta, .version .meta { margin: 0.2em 0 0 2.6em; padding: 0; list-style: none; }
      .change.level-2 .meta { margin-left: 5.2em; }
      .change.level-3 .meta { margin-left: 7.8em; }
      .deleted-clause { opacity: 0.9; }
      dl.facts { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; margin: 0.5em 0 1em; }
      dl.facts dt { font-weight: bold; }
      dl.facts dd { margin: 0; }
      .version { margin: 0.6em 0 1.2em; }
      .blame-lines { font-size: 0.9em; color: #333; }
      code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.88em; }
      footer { margin-top: 2em; font-size: 0.8em; color: #555; border-top: 1px solid #ccc; padding-top: 0.4em; }
      @page { size: A4; margin: 20mm 20mm 22mm 20mm;
        @bottom-center { content: counter(page) " / " counter(pages); font-family: serif; font-size: 9pt; color: #444; } }
      @media print {
        body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        h1, h2, .title-block { break-after: avoid; }
        .clause { orphans: 2; widows: 2; }
        footer { display: none; }
      }

      """
    for (index, colour) in HTMLPalette.colours.enumerated() {
      css += ".who-\(index) { --who: \(colour); }\n"
    }
    return css
  }()
}
