"""Promise 4: parsers never crash.

Property tests feed arbitrary bytes, arbitrary text and "token soup" (fragments of each
language's syntax: brackets, quotes, comment and string openers, keywords, NULs, surrogates) to
every code front end and every config reader, and to a whole scan of an app made of such files.
No exception may escape; per-file problems become ``FileFacts.error`` or ``ScanError`` values.
(The manifest parsers have their own fuzz test: tests/unit/analyzers/test_manifest_fuzz.py.)
"""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assess.analyzers._xml import parse_xml
from assess.analyzers.dockerfile_text import parse_dockerfile
from assess.analyzers.located_yaml import YamlTooComplex, load_documents
from assess.parse import CONFIG_FORMATS, SUPPORTED_LANGUAGES, blank_comments, parse_code
from assess.pipeline import Toolkit, assess_snapshot, load_toolkit
from assess.rules.secrets import mask_secrets
from assess.source import decode_text, open_snapshot

EXTENSIONS = {
    "java": "Fuzz.java",
    "csharp": "Fuzz.cs",
    "python": "fuzz.py",
    "javascript": "fuzz.js",
    "typescript": "fuzz.tsx",
    "go": "fuzz.go",
    "ruby": "fuzz.rb",
    "php": "fuzz.php",
}

COMMON = [
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "<",
    ">",
    ";",
    ",",
    ".",
    ":",
    "=",
    "=>",
    "->",
    "::",
    "?.",
    "\\",
    '"',
    "'",
    "`",
    '"""',
    "'''",
    "//",
    "/*",
    "*/",
    "#",
    "--",
    "<!--",
    "-->",
    "\n",
    "\r",
    "\t",
    " ",
    "\x00",
    "\ufeff",
    "\u202e",
    "\ud800",
    "é",
    "名",
    "😀",
    "0x",
    "1e309",
    "9" * 40,
    "${",
    "#{",
    "%{",
    "@",
    "$",
    "&",
    "|",
    "!",
    "?",
    "open(",
    "'/var/data/x'",
    "new ",
    "import ",
    "require(",
]
KEYWORDS = {
    "java": [
        "class ",
        "interface ",
        "@Entity",
        "@Transactional",
        "public ",
        "void ",
        "throws ",
        "record ",
        "new java.io.FileWriter(",
        "switch",
        "case ",
        "->",
        "yield",
        "sealed ",
        "permits ",
    ],
    "csharp": [
        "class ",
        "namespace ",
        "using ",
        "[Table(",
        "async ",
        "await ",
        "=> ",
        '@"',
        '$"',
        "#region",
        "#if",
        "partial ",
        "record ",
        "File.WriteAllText(",
    ],
    "python": [
        "def ",
        "class ",
        "lambda ",
        "async ",
        "await ",
        "import ",
        "from ",
        "@",
        "f'",
        "rb'",
        "    ",
        "match ",
        "case ",
        "print ",
        "exec ",
    ],
    "javascript": [
        "function ",
        "=>",
        "class ",
        "import(",
        "export ",
        "async ",
        "`${",
        "/re/g",
        "<div>",
        "</div>",
        "?.",
        "??",
        "#private",
        "fs.writeFileSync(",
    ],
    "typescript": [
        "interface ",
        "type ",
        "enum ",
        "<T>",
        "as ",
        "satisfies ",
        "declare ",
        "namespace ",
        "<div>",
        "</div>",
        "@Decorator()",
        "readonly ",
    ],
    "go": [
        "package ",
        "func ",
        "go ",
        "defer ",
        "chan ",
        "select ",
        "type ",
        "struct ",
        "interface{",
        "`",
        "os.WriteFile(",
        "import (",
        "[T any]",
    ],
    "ruby": [
        "def ",
        "end",
        "do |x|",
        "class ",
        "module ",
        "<<~EOS\n",
        "EOS\n",
        "%w[",
        "=begin\n",
        "=end\n",
        "#{",
        "File.write(",
        "?a",
        "__END__\n",
    ],
    "php": [
        "<?php ",
        "?>",
        "function ",
        "class ",
        "$this->",
        "<<<EOT\n",
        "EOT;\n",
        "#[Attr]",
        "match(",
        "`ls`",
        "file_put_contents(",
        "namespace ",
        "use ",
    ],
}
CONFIG_TOKENS = {
    "xml": [
        "<?xml version='1.0'?>",
        "<!DOCTYPE x [",
        "<!ENTITY e '",
        "&e;",
        "<![CDATA[",
        "]]>",
        "<a ",
        "</a>",
        "/>",
        "xmlns:x='u'",
        "&#x0;",
        "&#xD800;",
    ],
    "yaml": [
        "---\n",
        "...\n",
        "key: ",
        "- ",
        "&a ",
        "*a",
        "<<: *a",
        "!!python/object:os.system ",
        "|\n",
        ">-\n",
        "? ",
        "%YAML 1.1\n",
        "{",
        "[",
        "'''",
    ],
    "properties": ["key=", "key:", "\\\n", "\\u00", "!", "#", "spring.datasource.password="],
    "json": ["{", "}", "[", "]", '"k":', "null", "1e999", "-", "\\u0000", "\\ud800", "NaN"],
    "ini": ["[section", "]", "key = ", ";", "%(x)s", "${x}"],
    "env": ["KEY=", "export ", "$(", "${", "`", "\\\n"],
    "toml": ["[table", "[[array", "]]", "key = ", '"""', "'''", "inline = {", "1979-05-27T07:32:00Z", "inf"],
}


def soup(tokens: list[str]) -> st.SearchStrategy[str]:
    """Text made of syntax fragments and arbitrary characters."""
    return st.lists(st.sampled_from(tokens) | st.text(max_size=8), max_size=120).map("".join)


def any_text(tokens: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(st.text(max_size=400), soup(tokens))


def as_bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_facts(language: str, path: str, data: bytes) -> None:
    facts = parse_code(path, language, data)
    assert facts.path == path and facts.language == language
    lines = data.count(b"\n") + 1
    for call in facts.calls:
        assert 1 <= call.line <= lines + 1


def _language_test(language: str) -> None:
    path = EXTENSIONS[language]
    tokens = COMMON + KEYWORDS[language]

    @FAST
    @given(st.one_of(st.binary(max_size=400), any_text(tokens).map(as_bytes)))
    def check(data: bytes) -> None:
        _check_facts(language, path, data)

    check()


def test_java_front_end_never_raises() -> None:
    _language_test("java")


def test_csharp_front_end_never_raises() -> None:
    _language_test("csharp")


def test_python_front_end_never_raises() -> None:
    _language_test("python")


def test_javascript_front_end_never_raises() -> None:
    _language_test("javascript")


def test_typescript_front_end_never_raises() -> None:
    _language_test("typescript")


def test_go_front_end_never_raises() -> None:
    _language_test("go")


def test_ruby_front_end_never_raises() -> None:
    _language_test("ruby")


def test_php_front_end_never_raises() -> None:
    _language_test("php")


def test_every_language_has_a_front_end_test() -> None:
    assert sorted(EXTENSIONS) == sorted(SUPPORTED_LANGUAGES) == sorted(KEYWORDS)
    assert sorted(CONFIG_TOKENS) == sorted(CONFIG_FORMATS)


@FAST
@given(st.sampled_from(CONFIG_FORMATS), st.data())
def test_comment_blanking_keeps_every_line_and_column(language: str, data: st.DataObject) -> None:
    text = data.draw(any_text(COMMON + CONFIG_TOKENS[language]))
    blanked = blank_comments(text, language)
    assert len(blanked) == len(text)
    assert [i for i, c in enumerate(blanked) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]


XML_PROLOGS = [
    "",
    "<?xml version='1.0'?>\n",
    "<?xml version='1.0' encoding='latin-1'?>",
    "<!DOCTYPE p [<!ENTITY e 'lol'><!ENTITY f '&e;&e;&e;'>]>",
    "<!DOCTYPE p [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>",
    "<!DOCTYPE p [<!ENTITY % d SYSTEM 'http://127.0.0.1:9/x.dtd'> %d;]>",
    "<!DOCTYPE p SYSTEM 'http://127.0.0.1:9/p.dtd'>",
    "<!DOCTYPE p [<!ELEMENT p ANY><!ATTLIST p a CDATA 'v'>]>",
]
XML_BODIES = [
    "<p>",
    "</p>",
    "<project>",
    "</project>",
    "&f;",
    "&x;",
    "&e;",
    "<a b='&e;'/>",
    "<!-- c -->",
    "<?pi x?>",
]


def xml_documents() -> st.SearchStrategy[str]:
    """Near-valid documents: a prolog (entities, external DTDs) and then element soup."""
    body = soup(COMMON + CONFIG_TOKENS["xml"] + XML_BODIES)
    return st.one_of(
        any_text(CONFIG_TOKENS["xml"]), st.tuples(st.sampled_from(XML_PROLOGS), body).map("".join)
    )


@FAST
@given(xml_documents())
def test_xml_reader_never_raises_and_never_expands_entities(text: str) -> None:
    result = parse_xml(text)
    if result.root is not None:
        assert all("lol" not in node.text and "root:" not in node.text for node in result.root.walk())


@FAST
@given(any_text(COMMON + CONFIG_TOKENS["yaml"]))
def test_yaml_reader_fails_only_with_its_own_errors(text: str) -> None:
    with contextlib.suppress(yaml.YAMLError, YamlTooComplex):
        load_documents(text)


@FAST
@given(
    any_text([*COMMON, "FROM ", "RUN ", "ENV ", "ARG ", "COPY ", "# escape=`\n", "\\\n", "`\n", "${X:-y}"])
)
def test_dockerfile_reader_never_raises(text: str) -> None:
    parse_dockerfile(text)


@FAST
@given(st.binary(max_size=600))
def test_decoding_never_raises(data: bytes) -> None:
    text = decode_text(data)
    assert isinstance(text, str)
    text.encode("utf-8", "surrogatepass")


@FAST
@given(any_text([*COMMON, "password=", "secret: ", "AKIA", "-----BEGIN RSA PRIVATE KEY-----", "://u:p@h"]))
def test_secret_masking_never_raises(text: str) -> None:
    assert isinstance(mask_secrets(text), str)


_TOOLKIT: list[Toolkit] = []

WHOLE_APP_FILES = {
    "pom.xml": "xml",
    "src/main/resources/META-INF/persistence.xml": "xml",
    "web.config": "xml",
    "docker-compose.yml": "yaml",
    "k8s/deployment.yaml": "yaml",
    "src/main/resources/application.yml": "yaml",
    "src/main/resources/application.properties": "properties",
    "appsettings.json": "json",
    "package.json": "json",
    "setup.cfg": "ini",
    ".env": "env",
    "pyproject.toml": "toml",
    "db/schema.sql": "sql",
    "Dockerfile": "dockerfile",
    "app.py": "python",
}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_whole_scan_of_fuzzed_config_files_never_raises(data: st.DataObject) -> None:
    if not _TOOLKIT:
        _TOOLKIT.append(load_toolkit())
    sql = [*COMMON, "CREATE TABLE ", "SELECT ", " FROM ", "INSERT INTO ", "(", "REFERENCES ", "BEGIN;", "--"]
    docker = [*COMMON, "FROM ", "RUN ", "USER ", "EXPOSE ", "HEALTHCHECK ", "\\\n"]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for rel, kind in WHOLE_APP_FILES.items():
            tokens = (
                CONFIG_TOKENS.get(kind) or {"sql": sql, "dockerfile": docker}.get(kind) or KEYWORDS["python"]
            )
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            strategy = xml_documents() if kind == "xml" else any_text(COMMON + tokens)
            path.write_bytes(as_bytes(data.draw(strategy, label=rel)))
        assessment = assess_snapshot(open_snapshot(root), _TOOLKIT[0])
    assert assessment.files + len(assessment.skipped) >= len(WHOLE_APP_FILES) - 1
