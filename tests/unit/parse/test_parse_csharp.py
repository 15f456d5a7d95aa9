"""C# front end."""

from __future__ import annotations

from assess.model import Annotation, Call
from tests.unit.parse.support import declared, modules, only_call, parse, values

SOURCE = """
using System.IO;
using System.Web.Mvc;
using static System.Math;
using Json = Newtonsoft.Json;

namespace Acme.Storefront.Controllers
{
    // File.WriteAllText("commented.txt", "no");
    [ApiController, Route("api/[controller]")]
    public class UploadController : ControllerBase
    {
        [HttpPost("upload")]
        public IActionResult Upload(IFormFile file)
        {
            File.WriteAllText(Path.Combine(_root, "last.txt"), $"got {file.FileName}");
            using var stream = new FileStream(@"C:\\data\\upload.bin", FileMode.Create);
            /* Directory.CreateDirectory("x"); */
            _logger?.LogInformation("saved {Name}", file.FileName);
            services.AddSingleton<IStore, DiskStore>();
            return Ok();
        }

        private struct Entry { public int Id; }
    }

    public interface IStore { void Save(string path); }
    public enum Kind { A, B }
    public record Invoice(int Id);
}
"""


def test_using_directives() -> None:
    assert modules(parse("csharp", SOURCE)) == [
        "System.IO",
        "System.Web.Mvc",
        "System.Math",
        "Newtonsoft.Json",
    ]


def test_declarations() -> None:
    assert declared(parse("csharp", SOURCE)) == [
        ("class", "UploadController", 9, 24, None),
        ("method", "Upload", 12, 21, "UploadController"),
        ("struct", "Entry", 23, 23, "UploadController"),
        ("interface", "IStore", 26, 26, None),
        ("method", "Save", 26, 26, "IStore"),
        ("enum", "Kind", 27, 27, None),
        ("class", "Invoice", 28, 28, None),
    ]


def test_calls() -> None:
    facts = parse("csharp", SOURCE)
    assert only_call(facts, "WriteAllText") == Call(
        "WriteAllText",
        "File.WriteAllText",
        "File",
        ('Path.Combine(_root, "last.txt")', '$"got {file.FileName}"'),
        15,
    )
    assert only_call(facts, "LogInformation").receiver == "_logger"
    assert only_call(facts, "LogInformation").callee == "_logger?.LogInformation"
    assert only_call(facts, "AddSingleton").callee == "services.AddSingleton"
    assert "CreateDirectory" not in {c.name for c in facts.calls}


def test_object_creation() -> None:
    facts = parse("csharp", SOURCE)
    assert only_call(facts, "FileStream") == Call(
        "FileStream", "FileStream", None, ('@"C:\\data\\upload.bin"', "FileMode.Create"), 16, "new"
    )
    generic = parse("csharp", "var w = new System.IO.StreamWriter<int>(path) { AutoFlush = true };")
    assert generic.calls == (
        Call("StreamWriter", "System.IO.StreamWriter", "System.IO", ("path",), 1, "new"),
    )


def test_attributes() -> None:
    assert parse("csharp", SOURCE).annotations == (
        Annotation("ApiController", "", 9),
        Annotation("Route", '"api/[controller]"', 9),
        Annotation("HttpPost", '"upload"', 12),
    )


def test_strings() -> None:
    facts = parse("csharp", SOURCE)
    assert values(facts) == [
        "api/[controller]",
        "upload",
        "last.txt",
        "got {file.FileName}",
        "C:\\data\\upload.bin",
        "saved {Name}",
    ]
    raw = parse("csharp", 'var s = """\\n  raw "quoted"\\n  """; var u = "abc"u8;')
    assert values(raw) == ['\\n  raw "quoted"\\n  ', "abc"]
    assert "commented.txt" not in values(facts)


def test_code_lines() -> None:
    assert parse("csharp", SOURCE).code_lines == 24
