"""Mask credentials in text before it leaves the scanner (snippets, messages, logs)."""

from __future__ import annotations

import re

MASK = "****"

_SECRET_KEY = (
    r"(?:pass(?:word|wd|phrase)?|pwd|secret|api[_-]?key|access[_-]?key|private[_-]?key|token|credentials?)"
    r"(?:[_.\-]?(?:key|value|hash))?"
)

# key = value / key: value / key => value / "key": "value" / key="value" (XML attribute)
_ASSIGNMENT = re.compile(
    r"""(?ix)
    (?P<key>[\w.\-\["']*?"""
    + _SECRET_KEY
    + r"""["'\]]*)
    (?P<sep>\s*(?:=>|:=|=|:)\s*)
    (?P<quote>["']?)
    (?P<value>[^\s"'<>,;]+)
    """
)
_ASSIGNMENT_TAIL = re.compile("(?i)" + _SECRET_KEY + r"""["'\]]*\s*(?:=>|:=|=|:)\s*["']?[^\s"'<>,;]""")
"""What every match of :data:`_ASSIGNMENT` holds from its key word on: a text without it has no
match, and it is found in linear time where :data:`_ASSIGNMENT`'s open start is tried at every
position of every identifier."""
# Password=...; in connection strings
_CONNECTION = re.compile(r"(?i)(?P<key>\b(?:password|pwd)\s*=\s*)(?P<value>[^;\"'<>\s][^;\"'<>]*)")
# env("DB_PASSWORD", "default"), ENV.fetch("SECRET") { "default" }, getenv("DB_PASSWORD") ?: "default",
# os.getenv("DB_PASSWORD") or "default", process.env["TOKEN"] || "default"
_DEFAULT = re.compile(
    r"""(?ix)
    (?P<key>["'][\w.\-]*(?:pass(?:word|wd)?|pwd|secret|api[_-]?key|token)[\w.\-]*["']\s*
      (?:,|\)\s*\{|[\])]?\s*(?:\|\||\?\?|\?:|\bor\b))\s*)
    (?P<quote>["'])(?P<value>[^"']+)(?P=quote)
    """
)
# setPassword("value"), set_api_key('value'), SetToken(@"value")
_SETTER = re.compile(
    r"""(?ix)
    (?P<key>\bset_?[\w]*?"""
    + _SECRET_KEY
    + r"""\s*\(\s*@?)
    (?P<quote>["'])(?P<value>[^"']+)(?P=quote)
    """
)
# <password>value</password>
_XML_ELEMENT = re.compile(
    r"(?i)(?P<open><(?P<tag>[\w.:\-]*" + _SECRET_KEY + r")\b[^>]*>)(?P<value>[^<]+)(?P<close></(?P=tag)>)"
)
# <add key="SmtpPassword" value="..."/>, <property name="password" value="..."/>
_XML_KEY_VALUE = re.compile(
    r"""(?ix)
    (?P<key>\b(?:key|name)\s*=\s*["'][\w.:\-]*"""
    + _SECRET_KEY
    + r"""["'][^>]*?\bvalue\s*=\s*)
    (?P<quote>["'])(?P<value>[^"']*)(?P=quote)
    """
)
# scheme://user:password@host
_URL_USERINFO = re.compile(r"(?P<key>[a-z][a-z0-9+.\-]*://[^/\s:@\"']+:)(?P<value>[^@\s/\"']+)(?=@)", re.I)
_TOKENS = re.compile(
    r"""(?x)
    \bAKIA[0-9A-Z]{16}\b                                  # AWS access key id
    | \bgh[pousr]_[A-Za-z0-9]{30,}\b                       # GitHub tokens
    | \bxox[abpors]-[A-Za-z0-9-]{10,}\b                    # Slack tokens
    | \bsk_(?:live|test)_[A-Za-z0-9]{16,}\b                # Stripe keys
    | \beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b   # JWT
    | -----BEGIN[A-Z ]*PRIVATE\ KEY-----
    """
)
_PLACEHOLDER = re.compile(
    r"^(?:\$\{.*|\$\w+|%\w+%?|\{\{.*|<.*>|env\(.*|ENV.*|\*+|null|none|true|false)$", re.I
)


def _mask_keep_placeholders(match: re.Match[str]) -> str:
    value = match.group("value")
    return match.group(0) if _PLACEHOLDER.match(value.strip()) else match.group("key") + MASK


def _mask_assignment(match: re.Match[str]) -> str:
    value = match.group("value")
    if _PLACEHOLDER.match(value):
        return match.group(0)
    return f"{match.group('key')}{match.group('sep')}{match.group('quote')}{MASK}"


def mask_secrets(text: str) -> str:
    """Replace credential values in ``text`` with ``****``; placeholders such as ``${X}`` stay."""
    text = _URL_USERINFO.sub(lambda m: m.group("key") + MASK, text)
    text = _XML_ELEMENT.sub(
        lambda m: (
            m.group(0)
            if _PLACEHOLDER.match(m.group("value").strip())
            else m.group("open") + MASK + m.group("close")
        ),
        text,
    )
    text = _XML_KEY_VALUE.sub(
        lambda m: (
            m.group(0)
            if _PLACEHOLDER.match(m.group("value"))
            else f"{m.group('key')}{m.group('quote')}{MASK}{m.group('quote')}"
        ),
        text,
    )
    text = _CONNECTION.sub(_mask_keep_placeholders, text)
    text = _SETTER.sub(
        lambda m: (
            m.group(0)
            if _PLACEHOLDER.match(m.group("value"))
            else f"{m.group('key')}{m.group('quote')}{MASK}{m.group('quote')}"
        ),
        text,
    )
    text = _DEFAULT.sub(lambda m: f"{m.group('key')}{m.group('quote')}{MASK}{m.group('quote')}", text)
    if _ASSIGNMENT_TAIL.search(text):
        text = _ASSIGNMENT.sub(_mask_assignment, text)
    return _TOKENS.sub(MASK, text)


_WORTH_WORDS = (
    *("pass", "pwd", "secret", "key", "token", "credential", "akia"),
    *("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "xox", "sk_", "eyj", "://"),
)
"""Lower-case words a line holding a credential has (a key name, a URL, a token prefix)."""
_WORTH_LOOKING = re.compile("(?i)" + "|".join(map(re.escape, _WORTH_WORDS)))
_VALUE_PATTERNS = (_URL_USERINFO, _XML_ELEMENT, _XML_KEY_VALUE, _CONNECTION, _SETTER, _DEFAULT, _ASSIGNMENT)
_KNOWN_SECRET = re.compile(r"^(?=.*[A-Za-z])(?=.*[^A-Za-z_]).{8,}$")
"""A value searched for elsewhere: 8 characters or more, letters and a digit or symbol. Shorter
values and plain words (``stockroom``, also the app's name) are masked only where assigned."""


_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
"""What ``str.splitlines`` splits on."""
_LINE_BREAK = re.compile(f"[{_BREAKS}]")


def _line_spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Start and end of each line of ``text`` (as ``splitlines`` cuts them) in which ``pattern``
    matches: one search over the whole text instead of one per line. ``pattern`` must never
    match a line break."""
    breaks = [c for c in _BREAKS if c in text]
    spans: list[tuple[int, int]] = []
    end = -1
    for hit in pattern.finditer(text):
        at = hit.start()
        if at < end:
            continue
        end = _line_end(text, at)
        spans.append((_line_start(text, at, breaks), end))
    return spans


def _line_start(text: str, at: int, breaks: list[str]) -> int:
    return max((text.rfind(c, 0, at) for c in breaks), default=-1) + 1


def _line_end(text: str, at: int) -> int:
    after = _LINE_BREAK.search(text, at)
    return after.start() if after else len(text)


def _word_line_spans(lowered: str) -> list[tuple[int, int]]:
    """:func:`_line_spans` of :data:`_WORTH_LOOKING` in lower-cased text, by a substring search
    per word that skips to the next line after each hit: several times faster than trying the
    regular expression's alternation at every position."""
    breaks = [c for c in _BREAKS if c in lowered]
    spans: dict[int, int] = {}
    for word in _WORTH_WORDS:
        at = lowered.find(word)
        while at != -1:
            end = _line_end(lowered, at)
            spans[_line_start(lowered, at, breaks)] = end
            at = lowered.find(word, end)
    return sorted(spans.items())


def _worth_looking(text: str) -> list[str]:
    """The lines of ``text`` that :data:`_WORTH_LOOKING` matches in."""
    lowered = text.lower()
    # when every character lowered to one character, offsets and line breaks are kept, and the
    # lower-cased words match where (?i) would (but for the long s, "ſ")
    same = len(lowered) == len(text)
    spans = _word_line_spans(lowered) if same else _line_spans(_WORTH_LOOKING, text)
    return [text[start:end] for start, end in spans]


def secret_values(text: str, window: int = 1224) -> set[str]:
    """The credential values :func:`mask_secrets` would hide in ``text`` (each line's first
    ``window`` characters), so they can be masked where the code uses them without a telling name
    (``write(PASSWORD_VALUE)``)."""
    found: set[str] = set()
    for line in _worth_looking(text):
        part = line[:window]
        for pattern in _VALUE_PATTERNS:
            if pattern is _ASSIGNMENT and not _ASSIGNMENT_TAIL.search(part):
                continue
            for match in pattern.finditer(part):
                value = match.group("value").strip()
                if _KNOWN_SECRET.match(value) and "(" not in value and not _PLACEHOLDER.match(value):
                    found.add(value)
        found.update(m.group(0) for m in _TOKENS.finditer(part) if not m.group(0).startswith("-----"))
    return found


def mask_known(text: str, values: set[str] | frozenset[str]) -> str:
    """``text`` with every one of ``values`` (longest first) replaced by ``****``."""
    for value in sorted((v for v in values if v in text), key=len, reverse=True):
        text = text.replace(value, MASK)
    return text
