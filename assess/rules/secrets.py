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
# Password=...; in connection strings
_CONNECTION = re.compile(r"(?i)(?P<key>\b(?:password|pwd)\s*=\s*)(?P<value>[^;\"'<>\s][^;\"'<>]*)")
# env("DB_PASSWORD", "default"), ENV.fetch("SECRET") { "default" }, process.env.X || "default"
_DEFAULT = re.compile(
    r"""(?ix)
    (?P<key>["'][\w.\-]*(?:pass(?:word|wd)?|pwd|secret|api[_-]?key|token)[\w.\-]*["']\s*
      (?:,|\)\s*\{|\|\||\?\?)\s*)
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
    text = _ASSIGNMENT.sub(_mask_assignment, text)
    return _TOKENS.sub(MASK, text)
