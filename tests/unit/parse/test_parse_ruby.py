"""Ruby front end."""

from __future__ import annotations

from assess.model import Call, Import, StringLiteral
from tests.unit.parse.support import declared, only_call, parse, values

SOURCE = """
require "json"
require_relative '../lib/report'

module Billing
  class InvoiceExporter < BaseExporter
    def export(invoice)
      File.write("exports/#{invoice.id}.json", invoice.to_json)
      File.open path, "w" do |f|
        f.puts header
      end
      FileUtils.mkdir_p(Rails.root.join("tmp", "cache"))
      invoice&.mark_exported!
    end

    def self.build
      new(ENV.fetch("EXPORT_DIR"))
    end
  end
end

# File.write("commented.txt", "no")
=begin
FileUtils.cp("a", "b")
=end
Rails.application.configure do
  config.cache_store = :memory_store
  config.session_store :cookie_store, key: "_app"
end

def top_level; end
"""


def test_requires() -> None:
    assert parse("ruby", SOURCE).imports == (Import("json", 1), Import("../lib/report", 2))


def test_declarations() -> None:
    assert declared(parse("ruby", SOURCE)) == [
        ("module", "Billing", 4, 19, None),
        ("class", "InvoiceExporter", 5, 18, "Billing"),
        ("method", "export", 6, 13, "InvoiceExporter"),
        ("method", "build", 15, 17, "InvoiceExporter"),
        ("function", "top_level", 30, 30, None),
    ]


def test_calls_with_and_without_parentheses() -> None:
    facts = parse("ruby", SOURCE)
    assert only_call(facts, "write") == Call(
        "write", "File.write", "File", ('"exports/#{invoice.id}.json"', "invoice.to_json"), 7
    )
    assert only_call(facts, "open") == Call("open", "File.open", "File", ("path", '"w"'), 8)
    assert only_call(facts, "mkdir_p").args == ('Rails.root.join("tmp", "cache")',)
    assert only_call(facts, "mark_exported!").receiver == "invoice"
    assert only_call(facts, "fetch").callee == "ENV.fetch"
    assert only_call(facts, "require") == Call("require", "require", None, ('"json"',), 1)
    assert only_call(facts, "configure").callee == "Rails.application.configure"
    assert only_call(facts, "session_store").args == (":cookie_store", 'key: "_app"')
    assert only_call(parse("ruby", "puts x\n"), "puts").args == ("x",)


def test_nothing_from_comments() -> None:
    facts = parse("ruby", SOURCE)
    assert "cp" not in {c.name for c in facts.calls}
    assert len([c for c in facts.calls if c.name == "write"]) == 1
    assert "commented.txt" not in values(facts)


def test_symbols_are_string_literals() -> None:
    facts = parse("ruby", SOURCE)
    assert StringLiteral(":memory_store", 26) in facts.strings
    assert StringLiteral(":cookie_store", 27) in facts.strings


def test_heredocs_and_percent_strings() -> None:
    facts = parse(
        "ruby",
        """
        sql = <<~SQL
          select * from invoices
        SQL
        name = %q(it's) + %Q{x}
        """,
    )
    assert values(facts) == ["  select * from invoices", "it's", "x"]


def test_code_lines() -> None:
    assert parse("ruby", SOURCE).code_lines == 22
