"""Noise removal, whitespace/Unicode normalisation and article ids.

Table-driven: ``NOISE_PHRASES`` are scraper leftovers ("Share", "Read more")
removed when they stand alone on a line or are glued to the end of a line
after sentence-ending punctuation; ``NOISE_LINE_PATTERNS`` are regexes for
whole boilerplate lines (cookie banners, "Follow us on ...").
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = [
    "NOISE_PHRASES",
    "NOISE_LINE_PATTERNS",
    "article_id",
    "clean_text",
    "html_to_text",
    "normalise_whitespace",
    "one_line",
    "remove_noise",
]

# Phrases removed when a line consists only of them (possibly several, separated by
# spaces, "|" or bullets) or when they are glued after a sentence end: "...Homs. Share".
NOISE_PHRASES: tuple[str, ...] = (
    "Share",
    "Shares",
    "Share this",
    "Share this article",
    "Share this story",
    "Share on Facebook",
    "Share on Twitter",
    "Share on X",
    "Share on WhatsApp",
    "Share via Email",
    "Tweet",
    "Email",
    "Print",
    "Copy link",
    "Link copied",
    "Read more",
    "Read More",
    "Read the full story",
    "Continue reading",
    "Show more",
    "Subscribe",
    "Subscribe now",
    "Sign up",
    "Sign in",
    "Log in",
    "Advertisement",
    "Advertising",
    "Sponsored",
    "Scroll to continue",
    "Skip to content",
    "Skip to main content",
    "Skip advertisement",
    "Accept",
    "Accept cookies",
    "Accept all cookies",
    "Reject all",
    "Manage cookies",
    "Cookie settings",
    "Related",
    "Related articles",
    "Related stories",
    "Comments",
    "Leave a comment",
    "Facebook",
    "Twitter",
    "WhatsApp",
    "Telegram",
)

# Phrases from NOISE_PHRASES that may only be dropped as a whole line, never glued at a
# paragraph end (too likely to be a real word there).
_STANDALONE_ONLY: frozenset[str] = frozenset(
    {
        "email",
        "print",
        "accept",
        "related",
        "comments",
        "facebook",
        "twitter",
        "whatsapp",
        "telegram",
        "sponsored",
        "advertising",
        "shares",
    }
)

# Regexes (case-insensitive, matched at the start of a stripped line) for whole
# boilerplate lines; only applied to lines of at most _MAX_NOISE_LINE characters.
NOISE_LINE_PATTERNS: tuple[str, ...] = (
    r"follow us on\b",
    r"follow (?:\w+ )?on (?:twitter|x|facebook|telegram|instagram)\b",
    r"click here\b",
    r"(?:also read|read also|see also|read more)\s*[:»›>]",
    r"sign up (?:for|to) (?:our|the)\b",
    r"subscribe to (?:our|the)\b",
    r"download (?:our|the) app\b",
    r"join (?:us|our \w+) on\b",
    r"(?:we|this (?:web)?site|our (?:web)?site) uses? cookies\b",
    r"by (?:continuing|using|clicking|browsing)\b.{0,120}\bcookies\b",
    r"(?:accept|allow|reject|manage) (?:all )?cookies\b",
    r"cookie (?:policy|settings|preferences|consent|notice)\b",
    r".{0,200}\bcookies?\b.{0,200}\b(?:accept|consent|privacy policy|cookie policy)\b",
    r"(?:copyright\s*)?©.{0,80}$",
    r"all rights reserved\.?$",
)

_MAX_NOISE_LINE = 300

_SEP = r"[\s|•·/,]+"
_PHRASE_ALT = "|".join(re.escape(p) for p in sorted(set(NOISE_PHRASES), key=len, reverse=True))
_GLUE_ALT = "|".join(
    re.escape(p)
    for p in sorted(set(NOISE_PHRASES), key=len, reverse=True)
    if p.casefold() not in _STANDALONE_ONLY
)
_EDGE = " \t|•·:-–—»›>«‹<()[]"
_STANDALONE_RE = re.compile(rf"(?:{_PHRASE_ALT})(?:{_SEP}(?:{_PHRASE_ALT}))*", re.IGNORECASE)
_GLUED_RE = re.compile(
    rf"(?<=[.!?…\"”’»)\]])[ \t]+(?:{_GLUE_ALT})(?:{_SEP}(?:{_GLUE_ALT}))*[ \t]*[.:]?$",
    re.IGNORECASE,
)
_LINE_RES = tuple(re.compile(p, re.IGNORECASE) for p in NOISE_LINE_PATTERNS)

_SPACE_CHARS = "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000\t\f\v"
_SPACE_TABLE: dict[int, str | None] = {ord(c): " " for c in _SPACE_CHARS}
_SPACE_TABLE.update({ord("\u200b"): None, ord("\ufeff"): None, ord("\u00ad"): None})
_SPACE_TABLE.update({ord("\u2028"): "\n", ord("\u2029"): "\n\n", ord("\x85"): "\n"})
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f]")
_SPACES_RE = re.compile(r" {2,}")
_BLANKS_RE = re.compile(r"\n{3,}")


def normalise_whitespace(text: str) -> str:
    """NFC, CRLF/CR -> \\n, exotic spaces -> space, runs collapsed, <= 1 blank line."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPACE_TABLE)
    text = _CONTROL_RE.sub("", text)
    lines = [_SPACES_RE.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS_RE.sub("\n\n", "\n".join(lines)).strip("\n")


def _is_noise_line(line: str) -> bool:
    core = line.strip(_EDGE)
    if not core:
        # a line of only separators ("|", "—") next to removed noise is noise too,
        # but a line of only punctuation like "***" is a section break: keep it
        return bool(line) and set(line) <= set("|•· ")
    if _STANDALONE_RE.fullmatch(core):
        return True
    if len(line) > _MAX_NOISE_LINE:
        return False
    return any(r.match(line) for r in _LINE_RES)


def remove_noise(text: str) -> str:
    """Drop boilerplate lines and strip noise glued to line ends (after . ! ? etc.)."""
    out: list[str] = []
    for line in text.split("\n"):
        if line and _is_noise_line(line):
            continue
        out.append(_GLUED_RE.sub("", line))
    return _BLANKS_RE.sub("\n\n", "\n".join(out)).strip("\n")


def clean_text(text: str) -> str:
    """Normalise then remove scraper noise (then normalise once more)."""
    return normalise_whitespace(remove_noise(normalise_whitespace(text)))


def one_line(text: str) -> str:
    """Collapse any whitespace (incl. newlines) to single spaces; NFC."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_SPACE_TABLE).split())


def article_id(text: str) -> str:
    """First 16 hex digits of sha1 of the lower-cased, whitespace-collapsed text."""
    norm = " ".join(unicodedata.normalize("NFC", text).lower().split())
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "dd",
        "dt",
        "dl",
        "hr",
    ]
)
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "form", "button")
_TAG_RE = re.compile(r"<[^>]*>")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, paragraphs separated by blank lines."""
    if "<" not in fragment:
        import html as _html

        return normalise_whitespace(_html.unescape(fragment))
    try:
        import lxml.html

        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
        for bad in root.iter(*_DROP_TAGS):
            bad.drop_tree()
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            if el.tag in _BLOCK_TAGS:
                el.tail = "\n\n" + (el.tail or "")
                if el.tag == "br":
                    el.tail = "\n" + (el.tail or "")[2:]
        text = str(root.text_content())
    except Exception:  # lxml can choke on truly broken markup; fall back to a regex
        import html as _html

        text = _html.unescape(_TAG_RE.sub("\n\n", fragment))
    return normalise_whitespace(text)
