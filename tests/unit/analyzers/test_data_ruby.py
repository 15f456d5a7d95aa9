"""Ruby: ActiveRecord models and associations, Rails migrations and schema.rb, transactions."""

from __future__ import annotations

from tests.unit.analyzers.data_support import MakeApp, accesses, analyze, findings, keys, tables, transactions

MODELS = {
    "app/models/application_record.rb": """\
class ApplicationRecord < ActiveRecord::Base
  self.abstract_class = true
end
""",
    "app/models/author.rb": """\
class Author < ApplicationRecord
  has_many :books, dependent: :destroy
  has_many :reviews, through: :books
end
""",
    "app/models/book.rb": """\
class Book < ApplicationRecord
  self.table_name = "catalog_books"
  belongs_to :author
  belongs_to :publisher, class_name: "Company", foreign_key: "publisher_ref"
  has_many :reviews
  has_and_belongs_to_many :genres
end
""",
    "app/models/review.rb": """\
class Review < ApplicationRecord
  belongs_to :book
  belongs_to :reviewable, polymorphic: true
end
""",
    "app/models/company.rb": "class Company < ApplicationRecord\nend\n",
    "app/models/genre.rb": "class Genre < ApplicationRecord\nend\n",
}

MIGRATION = """\
class CreateBooks < ActiveRecord::Migration[7.1]
  def change
    create_table :authors do |t|
      t.string :name
      t.timestamps
    end
    create_table :catalog_books do |t|
      t.references :author, null: false, foreign_key: true
      t.references :editor, foreign_key: { to_table: :authors }
      t.references :series
      t.bigint :publisher_ref
    end
    add_foreign_key :catalog_books, :companies, column: :publisher_ref
  end
end
"""

SCHEMA = """\
ActiveRecord::Schema[7.1].define(version: 2024_01_01_000000) do
  create_table "authors", force: :cascade do |t|
    t.string "name"
  end

  create_table "catalog_books", force: :cascade do |t|
    t.bigint "author_id", null: false
  end

  add_foreign_key "catalog_books", "authors"
end
"""

SERVICE = """\
class CatalogMerge
  def merge(source_id, target_id)
    ActiveRecord::Base.transaction do
      source = Author.find(source_id)
      source.books.update_all(author_id: target_id)
      source.destroy!
    end
  end

  def retitle(book, title)
    Book.transaction do
      book.update!(title: title)
      Review.where(book_id: book.id).delete_all
    end
  end

  def rebuild
    ActiveRecord::Base.connection.execute("CALL rebuild_rankings()")
  end
end
"""


def test_models_associations_and_migrations(make_app: MakeApp) -> None:
    result = analyze(make_app, {**MODELS, "db/migrate/20240101000000_create_books.rb": MIGRATION})
    # the abstract ApplicationRecord has no table; habtm joins the sorted table names
    assert tables(result) == [
        "authors",
        "catalog_books",
        "catalog_books_genres",
        "companies",
        "genres",
        "reviews",
    ]
    assert {(t.name, t.source) for t in result.model.tables if t.name in ("authors", "catalog_books")} == {
        ("authors", "rails-migration"),
        ("catalog_books", "rails-migration"),
    }
    assert {(e.unit, e.table) for e in result.model.entities} == {
        ("app/models/author", "authors"),
        ("app/models/book", "catalog_books"),
        ("app/models/company", "companies"),
        ("app/models/genre", "genres"),
        ("app/models/review", "reviews"),
    }
    # a polymorphic belongs_to names no table; a reference without foreign_key: is no key
    assert keys(result) == {
        ("catalog_books", "authors", ("author_id",)),
        ("catalog_books", "authors", ("editor_id",)),
        ("catalog_books", "companies", ("publisher_ref",)),
        ("catalog_books_genres", "catalog_books", ()),
        ("catalog_books_genres", "genres", ()),
        ("reviews", "catalog_books", ("book_id",)),
    }


def test_schema_rb_is_preferred_to_migrations(make_app: MakeApp) -> None:
    result = analyze(
        make_app, {"db/schema.rb": SCHEMA, "db/migrate/20240101000000_create_books.rb": MIGRATION}
    )
    assert [(t.name, t.source, t.file) for t in result.model.tables] == [
        ("authors", "rails-schema", "db/schema.rb"),
        ("catalog_books", "rails-schema", "db/schema.rb"),
    ]
    assert ("catalog_books", "authors", ("author_id",)) in keys(result)


def test_transactions_cascades_and_procedures(make_app: MakeApp) -> None:
    result = analyze(make_app, {**MODELS, "app/services/catalog_merge.rb": SERVICE})
    unit = "app/services/catalog_merge"
    assert accesses(result) == {
        (unit, "authors", "read"),
        (unit, "authors", "write"),
        (unit, "catalog_books", "write"),
        (unit, "reviews", "write"),
    }
    # destroy! on an author cascades to its books (dependent: :destroy)
    cascade = {(a.table, a.via, a.line) for a in result.model.accesses if "cascade" in a.via}
    assert cascade == {("catalog_books", "activerecord cascade", 6)}
    assert transactions(result) == {
        ("merge", "activerecord", ("authors", "catalog_books")),
        ("retitle", "activerecord", ("catalog_books", "reviews")),
    }
    assert {(t.line, t.depth) for t in result.model.transactions} == {(3, 0), (11, 0)}
    assert findings(result) == {("stored-procedure", "app/services/catalog_merge.rb", 18)}
