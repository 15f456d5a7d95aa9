"""A call resolves to a function of an imported module: ``a.b.c`` is named by an import of
``a.b.c``, ``b.c`` or ``c`` (a dotted suffix), never by a partial word such as ``.c`` of ``a.bc``."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from assess.analyzers.data.callgraph import _names_module

_NAMES = st.lists(st.sampled_from(["a", "b", "app", "bc", "c", ""]), min_size=1, max_size=4).map(".".join)


@given(_NAMES, st.sets(_NAMES, max_size=4))
def test_a_module_is_named_by_itself_or_a_dotted_suffix(module: str, imported: set[str]) -> None:
    expected = module in imported or any(module.endswith("." + m) for m in imported if m)
    assert _names_module(module, imported) == expected


def test_partial_words_do_not_name_a_module() -> None:
    assert _names_module("billing.invoices", {"invoices"})
    assert not _names_module("billing.invoices", {"voices"})
    assert not _names_module("billing.invoices.", {""})
