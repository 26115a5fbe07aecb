"""The kit's HTML renderer: one self-contained page of sections (paragraphs, lists, tables).

Every piece of text is escaped (`html.escape`, quotes included), the page carries no script and
a Content-Security-Policy that allows none, and its only style is inline. Reports of the kit (the
fuzz summary today, a proxy's report later) build `Section`s and call `render_page`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

#: Nothing may load or run: no script, no image, no font; only the inline stylesheet.
CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
pre { margin: 0; white-space: pre-wrap; word-break: break-all; max-width: 80em; }
.defect { color: #a00; } .drift { color: #a60; }
"""


@dataclass(frozen=True)
class Table:
    columns: Sequence[str]
    #: one row per entry, one text per column; a text with a newline is shown preformatted
    rows: Sequence[Sequence[str]]


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: Sequence[str] = ()
    items: Sequence[str] = ()
    table: Table | None = None
    #: a CSS class of the page's stylesheet for the heading (e.g. "defect", "drift")
    tone: str = ""


def _text(value: str) -> str:
    if "\n" in value:
        return f"<pre>{escape(value, quote=True)}</pre>"
    return escape(value, quote=True)


def _table(table: Table) -> Iterable[str]:
    yield "<table>"
    yield "<tr>" + "".join(f"<th>{escape(c, quote=True)}</th>" for c in table.columns) + "</tr>"
    for row in table.rows:
        yield "<tr>" + "".join(f"<td>{_text(cell)}</td>" for cell in row) + "</tr>"
    yield "</table>"


def _section(section: Section) -> Iterable[str]:
    tone = f' class="{escape(section.tone, quote=True)}"' if section.tone else ""
    yield f"<h2{tone}>{escape(section.heading, quote=True)}</h2>"
    for paragraph in section.paragraphs:
        yield f"<p>{_text(paragraph)}</p>"
    if section.items:
        yield "<ul>" + "".join(f"<li>{_text(item)}</li>" for item in section.items) + "</ul>"
    if section.table is not None:
        yield from _table(section.table)


def render_page(title: str, sections: Iterable[Section], intro: Sequence[str] = ()) -> str:
    """A complete HTML document: the title, introductory paragraphs, then each section."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(CSP, quote=True)}">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{escape(title, quote=True)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(title, quote=True)}</h1>",
        *(f"<p>{_text(paragraph)}</p>" for paragraph in intro),
    ]
    for section in sections:
        parts.extend(_section(section))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
