"""Ruby front end: query and hooks."""

from __future__ import annotations

import re

import tree_sitter_ruby

from assess.parse.spec import LanguageSpec
from assess.parse.text import unquote as unquote_plain

QUERY = """
(comment) @comment
[(string) (heredoc_body)] @string
(simple_symbol) @symbol
(call) @call
(call
  !receiver
  method: (identifier) @_require (#any-of? @_require "require" "require_relative")
  arguments: (argument_list . (string) @import.str .))
(class) @decl.class
(module) @decl.module
(method) @decl.function
(singleton_method) @decl.method
(constant) @ref
"""

_PERCENT = re.compile(r"%[qQ]?([^\w\s])(.*).\Z", re.DOTALL)


def unquote(literal: str) -> str:
    """Value of a Ruby string: ``"x"``, ``%q(x)`` or a heredoc body (without its end marker)."""
    first = literal[:1]
    if first in ('"', "'"):
        return unquote_plain(literal)
    if first == "%":
        match = _PERCENT.match(literal)
        return match.group(2) if match is not None else literal[1:]
    body, _, _ = literal.rpartition("\n")  # heredoc body: drop the end-marker line
    return body[1:] if body.startswith("\n") else body


SPEC = LanguageSpec(
    name="ruby",
    grammar=tree_sitter_ruby.language,
    query=QUERY,
    arglist_types=frozenset({"argument_list"}),
    unquote=unquote,
    block_field="block",
)
