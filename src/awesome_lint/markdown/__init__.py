"""GitHub's reading of Markdown, following cmark-gfm: what a reader of a rendered README sees.

- `blocks`: the block structure, line by line (cmark-gfm's blocks.c and the table extension);
  it finds the tables, the headings and the link reference definitions.
- `linkrefs`: link reference definitions and the link syntax they share with inline links
  (labels, destinations, titles).
- `entities`: backslash escapes, entity references, link label normalisation.
- `autolinks`: the bare URLs and e-mail addresses GitHub links (the autolink extension).
- `inline`: a cell's text, links and images: fast paths, then `inline_scanner`, then mistletoe.
- `inline_scanner`: the inline reader proper (cmark-gfm's inlines.c): code spans, HTML,
  emphasis and strikethrough, links and images.
- `tables`: blocks -> `model.Table`: every table with each row and cell at its line and column.
- `html_tables`: `<table>` blocks, for export.

Nothing here imports anything above `model` and `document`: no rules, config, fixer or CLI.
"""
