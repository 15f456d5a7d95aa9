"""Java front end."""

from __future__ import annotations

from assess.model import Annotation, Call, Import
from tests.unit.parse.support import calls_named, declared, only_call, parse, values

SOURCE = """
package com.acme.shop.billing;

import java.io.FileWriter;
import java.nio.file.*;
import static java.util.Objects.requireNonNull;

/**
 * Archives invoices. Files.write(path, bytes) is mentioned here but never called.
 */
@Service
public class InvoiceArchive {
    private final HttpSession session;

    @Scheduled(fixedRate = 60000)
    public void archive(Invoice invoice) throws IOException {
        Path target = Paths.get(baseDir, invoice.getId() + ".pdf");
        Files.write(target, invoice.render(), StandardOpenOption.CREATE);
        // new FileWriter("commented-out.txt");
        try (FileWriter writer = new FileWriter(target.toFile())) {
            writer.write("done");
        }
        session.setAttribute("lastInvoice", invoice.getId());
        /* Files.writeString(target, "x"); */
    }

    @Override
    public String toString() { return "InvoiceArchive"; }

    enum Status { OPEN, CLOSED }

    interface Sink { void accept(byte[] data); }
}
"""


def test_imports_with_static_and_wildcard() -> None:
    facts = parse("java", SOURCE)
    assert facts.imports == (
        Import("java.io.FileWriter", 3),
        Import("java.nio.file.*", 4),
        Import("java.util.Objects.requireNonNull", 5),
    )


def test_declarations_with_ranges_and_containers() -> None:
    assert declared(parse("java", SOURCE)) == [
        ("class", "InvoiceArchive", 10, 32, None),
        ("method", "archive", 14, 24, "InvoiceArchive"),
        ("method", "toString", 26, 27, "InvoiceArchive"),
        ("enum", "Status", 29, 29, "InvoiceArchive"),
        ("interface", "Sink", 31, 31, "InvoiceArchive"),
        ("method", "accept", 31, 31, "Sink"),
    ]


def test_calls() -> None:
    facts = parse("java", SOURCE)
    assert calls_named(facts, "write") == [
        Call(
            "write", "Files.write", "Files", ("target", "invoice.render()", "StandardOpenOption.CREATE"), 17
        ),
        Call("write", "writer.write", "writer", ('"done"',), 20),
    ]
    assert only_call(facts, "get") == Call(
        "get", "Paths.get", "Paths", ("baseDir", 'invoice.getId() + ".pdf"'), 16
    )
    assert only_call(facts, "setAttribute").receiver == "session"
    assert calls_named(facts, "getId")[0].callee == "invoice.getId"


def test_constructor_call_is_kind_new() -> None:
    facts = parse("java", SOURCE)
    assert only_call(facts, "FileWriter") == Call(
        "FileWriter", "FileWriter", None, ("target.toFile()",), 19, "new"
    )


def test_generic_and_qualified_constructors() -> None:
    facts = parse(
        "java",
        """
        class A {
            void f() {
                Map<String, List<Integer>> m = new java.util.HashMap<String, List<Integer>>();
                List<String> l = Collections.<String>emptyList();
            }
        }
        """,
    )
    assert only_call(facts, "HashMap") == Call("HashMap", "java.util.HashMap", "java.util", (), 3, "new")
    assert only_call(facts, "emptyList").callee == "Collections.emptyList"


def test_annotations() -> None:
    facts = parse("java", SOURCE)
    assert facts.annotations == (
        Annotation("Service", "", 10),
        Annotation("Scheduled", "fixedRate = 60000", 14),
        Annotation("Override", "", 26),
    )


def test_strings_and_text_blocks() -> None:
    facts = parse(
        "java",
        '''
        class Q {
            String url = "jdbc:postgresql://localhost:5432/shop";
            String sql = """
                select 1
                """;
            char c = 'x';
        }
        ''',
    )
    assert values(facts) == ["jdbc:postgresql://localhost:5432/shop", "\n        select 1\n        "]
    assert [s.line for s in facts.strings] == [2, 3]


def test_comments_yield_nothing() -> None:
    facts = parse("java", SOURCE)
    names = {call.name for call in facts.calls}
    assert "writeString" not in names
    assert len(calls_named(facts, "FileWriter")) == 1
    assert "commented-out.txt" not in values(facts)
    assert all("never called" not in s for s in values(facts))


def test_comment_inside_a_call_chain_is_not_in_the_receiver() -> None:
    facts = parse(
        "java",
        """
        class B {
            Object build() {
                return builder
                    // session handling
                    .name("x")
                    .build();
            }
        }
        """,
    )
    build = only_call(facts, "build")
    assert build.receiver == 'builder.name("x")'
    assert build.line == 6
    assert only_call(facts, "name").line == 5


def test_code_lines_skip_comments_and_blanks() -> None:
    facts = parse(
        "java",
        """
        // header
        /* block
           comment */
        class C {  // trailing

            int x = 1; /* inline */ int y = 2;
        }
        """,
    )
    assert facts.code_lines == 3
