"""PHP front end."""

from __future__ import annotations

from assess.model import Annotation, Call, Import
from tests.unit.parse.support import declared, modules, only_call, parse, values

SOURCE = """
<?php
namespace App\\Http\\Controllers;

use Illuminate\\Support\\Facades\\DB;
use App\\Models\\{Invoice, Customer as Client};
use function App\\Support\\helper;

require_once 'bootstrap.php';
include('config/local.php');

#[Route('/invoices', methods: ['POST'])]
class InvoiceController extends Controller
{
    public function store(Request $request)
    {
        // file_put_contents('/tmp/comment.txt', 'no');
        $path = $request->file('pdf')->storeAs('invoices', 'latest.pdf');
        file_put_contents(storage_path("app/{$path}.log"), $request->input('note'));
        DB::transaction(fn () => $this->storage->put($path, 'data'));
        $handle = fopen('uploads/' . $path, 'w');
        # session_start();
        $invoice = new \\App\\Models\\Invoice(['path' => $path]);
        return $invoice?->save();
    }
}

interface Exporter {}
trait Loggable {}
enum Status { case Open; }

function helper() { session_start(); }
"""


def test_use_and_require() -> None:
    assert parse("php", SOURCE).imports == (
        Import("Illuminate\\Support\\Facades\\DB", 4),
        Import("App\\Models\\Invoice", 5),
        Import("App\\Models\\Customer", 5),
        Import("App\\Support\\helper", 6),
        Import("bootstrap.php", 8),
        Import("config/local.php", 9),
    )


def test_require_with_expression_is_not_an_import() -> None:
    assert modules(parse("php", "<?php require __DIR__ . '/vendor/autoload.php';\n")) == []


def test_declarations() -> None:
    assert declared(parse("php", SOURCE)) == [
        ("class", "InvoiceController", 11, 25, None),
        ("method", "store", 14, 24, "InvoiceController"),
        ("interface", "Exporter", 27, 27, None),
        ("class", "Loggable", 28, 28, None),
        ("enum", "Status", 29, 29, None),
        ("function", "helper", 31, 31, None),
    ]


def test_member_scoped_and_function_calls() -> None:
    facts = parse("php", SOURCE)
    assert only_call(facts, "storeAs") == Call(
        "storeAs",
        "$request->file('pdf')->storeAs",
        "$request->file('pdf')",
        ("'invoices'", "'latest.pdf'"),
        17,
    )
    assert only_call(facts, "put") == Call(
        "put", "$this->storage->put", "$this->storage", ("$path", "'data'"), 19
    )
    assert only_call(facts, "transaction").receiver == "DB"
    assert only_call(facts, "transaction").callee == "DB::transaction"
    assert only_call(facts, "fopen").args == ("'uploads/' . $path", "'w'")
    assert only_call(facts, "file_put_contents").line == 18
    assert only_call(facts, "save").callee == "$invoice?->save"
    assert [c.line for c in facts.calls if c.name == "session_start"] == [31]


def test_new_expression() -> None:
    facts = parse("php", SOURCE)
    assert only_call(facts, "Invoice") == Call(
        "Invoice", "\\App\\Models\\Invoice", None, ("['path' => $path]",), 22, "new"
    )


def test_attributes() -> None:
    assert parse("php", SOURCE).annotations == (Annotation("Route", "'/invoices', methods: ['POST']", 11),)


def test_strings() -> None:
    facts = parse("php", SOURCE)
    assert "app/{$path}.log" in values(facts)
    assert "/tmp/comment.txt" not in values(facts)
    heredoc = parse("php", "<?php\n$a = <<<EOT\nhello $name\nEOT;\n$b = <<<'RAW'\nraw\nRAW;\n")
    assert values(heredoc) == ["hello $name", "raw"]


def test_code_lines_count_markup_but_not_comments() -> None:
    assert parse("php", SOURCE).code_lines == 24
    assert parse("php", "<p>hi</p>\n<?php // only a comment\n?>\n").code_lines == 3
