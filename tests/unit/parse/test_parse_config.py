"""blank_comments for config formats."""

from __future__ import annotations

import textwrap

import pytest

from assess.parse import CONFIG_FORMATS, blank_comments


def blanked(fmt: str, text: str) -> list[str]:
    """The blanked lines, right-stripped, of a dedented text."""
    source = textwrap.dedent(text).lstrip("\n")
    result = blank_comments(source, fmt)
    assert len(result) == len(source)
    assert result.count("\n") == source.count("\n")
    return [line.rstrip() for line in result.split("\n")]


def test_xml_comments_span_lines_and_cdata_is_kept() -> None:
    assert blanked(
        "xml",
        """
        <configuration>
          <!-- <sessionState mode="InProc" />
               still a comment -->
          <sessionState mode="StateServer" /><!-- trailing -->
          <script><![CDATA[ if (a <!-- b) {} ]]></script>
          <!-- unterminated
        </configuration>
        """,
    ) == [
        "<configuration>",
        "",
        "",
        '  <sessionState mode="StateServer" />',
        "  <script><![CDATA[ if (a <!-- b) {} ]]></script>",
        "",
        "",
        "",
    ]


def test_yaml_comments_respect_quotes_and_block_scalars() -> None:
    assert blanked(
        "yaml",
        """
        # full line
        url: "http://localhost:8080/#anchor" # trailing
        token: 'it''s # not a comment'
        path: /a#b
        plain: it's # a comment
        script: |
          echo "hi" # kept: inside a block scalar
          # kept too
        after: 1 # blanked again
        - item # list comment
        """,
    ) == [
        "",
        'url: "http://localhost:8080/#anchor"',
        "token: 'it''s # not a comment'",
        "path: /a#b",
        "plain: it's",
        "script: |",
        '  echo "hi" # kept: inside a block scalar',
        "  # kept too",
        "after: 1",
        "- item",
        "",
    ]


def test_properties_comments_are_whole_lines_only() -> None:
    assert blanked(
        "properties",
        """
        # logging.file.name=app.log
          ! bang comment
        spring.datasource.password=s3cr#t
        message=first line \\
          # continued, not a comment
        """,
    ) == [
        "",
        "",
        "spring.datasource.password=s3cr#t",
        "message=first line \\",
        "  # continued, not a comment",
        "",
    ]


def test_jsonc_comments_outside_strings() -> None:
    assert blanked(
        "json",
        """
        {
          // "ConnectionStrings": "Server=localhost",
          "Url": "http://localhost:5000//api", /* inline */ "A": 1,
          /* multi
             line */
          "Escaped": "quote \\" // still string"
        }
        """,
    ) == [
        "{",
        "",
        '  "Url": "http://localhost:5000//api", ' + " " * len("/* inline */") + ' "A": 1,',
        "",
        "",
        '  "Escaped": "quote \\" // still string"',
        "}",
        "",
    ]


def test_ini_comments() -> None:
    assert blanked(
        "ini",
        """
        ; full line
        # hash line
        [db] ; section comment
        password = "a;b#c" ; trailing
        url = http://localhost/#frag
        """,
    ) == ["", "", "[db]", 'password = "a;b#c"', "url = http://localhost/#frag", ""]


def test_env_comments() -> None:
    assert blanked(
        "env",
        """
        # comment
        SECRET_KEY="abc # def" # trailing
        API_TOKEN=abc#def
        export PORT=8080 # port
        """,
    ) == ["", 'SECRET_KEY="abc # def"', "API_TOKEN=abc#def", "export PORT=8080", ""]


def test_toml_comments_outside_strings() -> None:
    assert blanked(
        "toml",
        '''
        # comment
        name = "app # not comment"#comment
        desc = """
        # inside a multi-line string
        """
        path = 'C:\\#dir' # literal string
        ''',
    ) == [
        "",
        'name = "app # not comment"',
        'desc = """',
        "# inside a multi-line string",
        '"""',
        "path = 'C:\\#dir'",
        "",
    ]


def test_line_breaks_inside_comments_are_kept() -> None:
    text = "<!-- a\r\nb\u2028c -->\r\n<x/>"
    assert blank_comments(text, "xml").splitlines() == ["      ", " ", "     ", "<x/>"]


def test_unknown_format_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown config format"):
        blank_comments("x", "hcl")


def test_every_format_is_supported() -> None:
    for fmt in CONFIG_FORMATS:
        assert blank_comments("", fmt) == ""
