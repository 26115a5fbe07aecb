"""Small self-contained HTML pages for people who open a ``/public/…`` URL in a browser."""

from __future__ import annotations

from html import escape
from typing import Any

Document = dict[str, Any]

_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem;
       color: #1d2733; }
header { display: flex; gap: 1.5rem; align-items: center; }
header img { width: 8rem; height: 8rem; object-fit: contain; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .4rem 1rem; }
dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
.revoked { background: #fde8e8; border: 1px solid #c53030; color: #9b2c2c; padding: .8rem;
           border-radius: .4rem; }
.valid { background: #e6f6ec; border: 1px solid #2f855a; color: #22543d; padding: .8rem;
         border-radius: .4rem; }
footer { margin-top: 2rem; font-size: .85rem; color: #52606d; }
"""


#: the schemes a page links to; any other URL (``javascript:``, ``data:``, from a store older
#: than the specs' URL pattern) is shown as text
_LINKED_SCHEMES = ("http://", "https://", "ftp://", "ftps://")


def _link(url: str | None, text: str | None = None) -> str:
    if not url:
        return ""
    if not url.lower().startswith(_LINKED_SCHEMES):
        return escape(text or url)
    return f'<a href="{escape(url)}">{escape(text or url)}</a>'


def _page(title: str, image: str | None, banner: str, rows: list[tuple[str, str]]) -> str:
    picture = f'<img src="{escape(image)}" alt="{escape(title)}">' if image else ""
    items = "".join(f"<dt>{escape(label)}</dt><dd>{value}</dd>" for label, value in rows if value)
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        # No favicon request: a 404 for it would be the page's only console error.
        '<link rel="icon" href="data:,">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<header>{picture}<h1>{escape(title)}</h1></header>{banner}<dl>{items}</dl>"
        "<footer>Open Badges 2.0 hosted document served by the badgr-mock sandbox. "
        "Ask for <code>application/ld+json</code> to get the JSON-LD.</footer></body></html>"
    )


def _text(value: Any) -> str:
    return escape(str(value)) if value not in (None, "") else ""


def issuer_page(issuer: Document) -> str:
    rows = [
        ("Description", _text(issuer.get("description"))),
        ("Website", _link(issuer.get("url"))),
        ("E-mail", _text(issuer.get("email"))),
        ("Revocation list", _link(issuer.get("revocationList"))),
        ("Issuer id", _link(issuer["id"])),
    ]
    return _page(issuer["name"], issuer.get("image"), "", rows)


def badge_page(badge: Document, issuer: Document) -> str:
    criteria = badge.get("criteria", {})
    rows = [
        ("Description", _text(badge.get("description"))),
        ("Issuer", _link(issuer["id"], issuer["name"])),
        ("Criteria", _text(criteria.get("narrative")) or _link(criteria.get("id"))),
        ("Tags", _text(", ".join(badge.get("tags", [])))),
        ("Badge id", _link(badge["id"])),
    ]
    return _page(badge["name"], badge.get("image"), "", rows)


def assertion_page(assertion: Document, badge: Document, issuer: Document) -> str:
    if assertion.get("revoked"):
        reason = assertion.get("revocationReason")
        banner = '<p class="revoked">This badge was revoked by its issuer' + (
            f": {escape(reason)}</p>" if reason else ".</p>"
        )
        rows = [("Assertion id", _link(assertion["id"]))]
        return _page(f"Revoked: {badge['name']}", None, banner, rows)
    recipient = assertion["recipient"]
    shown_recipient = (
        f"{escape(recipient['type'])} (hashed)"
        if recipient.get("hashed")
        else escape(recipient["identity"])
    )
    evidence = "<br>".join(
        _link(item.get("id")) or _text(item.get("narrative"))
        for item in assertion.get("evidence", [])
    )
    rows = [
        ("Badge", _link(badge["id"], badge["name"])),
        ("Issuer", _link(issuer["id"], issuer["name"])),
        ("Recipient", shown_recipient),
        ("Issued on", _text(assertion.get("issuedOn"))),
        ("Expires", _text(assertion.get("expires"))),
        ("Narrative", _text(assertion.get("narrative"))),
        ("Evidence", evidence),
        ("Baked image", _link(assertion.get("image"))),
        ("Assertion id", _link(assertion["id"])),
    ]
    banner = '<p class="valid">Issued and hosted by its issuer (Open Badges 2.0 HostedBadge).</p>'
    return _page(badge["name"], assertion.get("image"), banner, rows)


def _revoked_entry(item: Document) -> str:
    reason = item.get("revocationReason")
    return _link(item["id"]) + (f" ({escape(reason)})" if reason else "")


def revocations_page(revocations: Document) -> str:
    entries = "<br>".join(_revoked_entry(item) for item in revocations["revokedAssertions"])
    rows = [("Issuer", _link(revocations["issuer"])), ("Revoked", entries or "none")]
    return _page("Revocation list", None, "", rows)
