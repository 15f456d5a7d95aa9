"""The data model and dependencies reach every output: the Assessment JSON, ``assess scan --format
json``, and the notebook DataFrames."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd

from assess import scan
from assess.cli import main
from assess.config import ScanConfig
from assess.model import Assessment, assessment_from_json, assessment_to_dict, assessment_to_json
from assess.report.data_frames import (
    access_matrix,
    data_access_frame,
    dependencies_frame,
    entities_frame,
    foreign_keys_frame,
    shared_tables_frame,
    tables_frame,
    transactions_frame,
)
from tests.unit.analyzers.data_support import MakeApp

POM = """\
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.acme</groupId>
  <artifactId>ledger</artifactId>
  <version>1.0</version>
  <properties><pg.version>42.7.1</pg.version></properties>
  <dependencies>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-data-jpa</artifactId>
      <version>3.2.0</version>
    </dependency>
    <dependency>
      <groupId>org.postgresql</groupId>
      <artifactId>postgresql</artifactId>
      <version>${pg.version}</version>
      <scope>runtime</scope>
    </dependency>
  </dependencies>
</project>
"""

GRADLE = "dependencies {\n    testImplementation 'org.junit.jupiter:junit-jupiter:5.10.1'\n}\n"

SCHEMA = """\
CREATE TABLE accounts (id BIGINT PRIMARY KEY);
CREATE TABLE postings (id BIGINT PRIMARY KEY, account_id BIGINT REFERENCES accounts (id));
"""

POSTING = """\
package com.acme.ledger;

import jakarta.persistence.*;

@Entity
@Table(name = "postings")
public class Posting {
    @Id private Long id;

    @ManyToOne
    @JoinColumn(name = "account_id")
    private Account account;
}
"""

ACCOUNT = """\
package com.acme.ledger;

import jakarta.persistence.*;

@Entity
@Table(name = "accounts")
public class Account {
    @Id private Long id;
}
"""

REPOSITORY = """\
package com.acme.ledger;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PostingRepository extends JpaRepository<Posting, Long> {
}
"""

SERVICE = """\
package com.acme.ledger;

import org.springframework.transaction.annotation.Transactional;

public class LedgerService {
    private final PostingRepository postings;
    private final Pricing pricing;

    public LedgerService(PostingRepository postings, Pricing pricing) {
        this.postings = postings;
        this.pricing = pricing;
    }

    @Transactional
    public void post(Posting posting) {
        pricing.apply(posting);
        postings.save(posting);
    }
}
"""

FILES = {
    "pom.xml": POM,
    "tools/build.gradle": GRADLE,
    "src/main/resources/schema.sql": SCHEMA,
    "src/main/java/com/acme/ledger/Posting.java": POSTING,
    "src/main/java/com/acme/ledger/Account.java": ACCOUNT,
    "src/main/java/com/acme/ledger/PostingRepository.java": REPOSITORY,
    "src/main/java/com/acme/ledger/LedgerService.java": SERVICE,
}

CONFIG = ScanConfig(as_of=date(2026, 1, 1))


def _ledger(make_app: MakeApp) -> tuple[Path, Assessment]:
    root = make_app(FILES, name="ledger")
    return root, scan(root, CONFIG)


def test_the_assessment_json_carries_data_and_dependencies(make_app: MakeApp) -> None:
    _root, assessment = _ledger(make_app)
    data = assessment_to_dict(assessment)
    assert [(t["name"], t["source"], t["line"]) for t in data["data"]["tables"]] == [
        ("accounts", "ddl", 1),
        ("postings", "ddl", 2),
    ]
    assert [(e["unit"], e["table"], e["orm"]) for e in data["data"]["entities"]] == [
        ("com.acme.ledger.Account", "accounts", "jpa"),
        ("com.acme.ledger.Posting", "postings", "jpa"),
    ]
    assert [(k["table"], k["ref_table"], k["columns"]) for k in data["data"]["foreign_keys"]] == [
        ("postings", "accounts", ["account_id"])
    ]
    assert [(a["unit"], a["table"], a["mode"], a["file"], a["line"]) for a in data["data"]["accesses"]] == [
        (
            "com.acme.ledger.LedgerService",
            "postings",
            "write",
            "src/main/java/com/acme/ledger/LedgerService.java",
            17,
        )
    ]
    [transaction] = data["data"]["transactions"]
    assert {
        k: transaction[k] for k in ("unit", "name", "kind", "line", "tables", "depth", "distributed")
    } == {
        "unit": "com.acme.ledger.LedgerService",
        "name": "post",
        "kind": "spring",
        "line": 14,
        "tables": ["postings"],
        "depth": 0,
        "distributed": False,
    }
    # Pricing is declared nowhere in the code base: the call leaves it, it is not "unresolved"
    assert transaction["unresolved"] == []
    deps = {d["name"]: d for d in data["dependencies"]}
    assert {
        k: deps["org.postgresql:postgresql"][k] for k in ("ecosystem", "version", "scope", "file", "line")
    } == {
        "ecosystem": "maven",
        "version": "42.7.1",
        "scope": "runtime",
        "file": "pom.xml",
        "line": 16,  # the artifactId
    }
    junit = deps["org.junit.jupiter:junit-jupiter"]
    assert (junit["scope"], junit["best_effort"], junit["file"]) == ("test", True, "tools/build.gradle")
    assert deps["org.postgresql:postgresql"]["best_effort"] is False
    assert "spring-boot" in {f["value"] for f in data["stack"]["frameworks"]}
    assert assessment_from_json(assessment_to_json(assessment)) == assessment


def test_scan_format_json_writes_the_same_data(make_app: MakeApp, tmp_path: Path) -> None:
    root, assessment = _ledger(make_app)
    out = tmp_path / "ledger.json"
    assert main(["scan", str(root), "--format", "json", "-o", str(out)]) == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    expected = assessment_to_dict(assessment)
    assert written["data"] == expected["data"]
    assert written["dependencies"] == expected["dependencies"]
    assert written["modules"] == expected["modules"]


def test_data_frames_for_notebooks(make_app: MakeApp) -> None:
    _root, assessment = _ledger(make_app)
    tables = tables_frame(assessment)
    assert list(tables.itertuples(index=False, name=None)) == [
        ("ledger", "accounts", "", "ddl", "src/main/resources/schema.sql", 1),
        ("ledger", "postings", "", "ddl", "src/main/resources/schema.sql", 2),
    ]
    assert list(entities_frame(assessment)["table"]) == ["accounts", "postings"]
    keys = foreign_keys_frame(assessment)
    assert keys[["table", "columns", "ref_table", "ref_columns"]].values.tolist() == [
        ["postings", "account_id", "accounts", "id"]
    ]
    transactions = transactions_frame(assessment)
    assert transactions[
        ["name", "kind", "tables", "table_count", "depth", "unresolved", "distributed"]
    ].values.tolist() == [["post", "spring", "postings", 1, 0, "", False]]
    assert list(transactions_frame(assessment, per_table=True)["tables"]) == ["postings"]
    matrix = access_matrix(assessment)
    assert matrix.loc[("ledger", "com.acme.ledger.LedgerService"), "postings"] == "W"
    access = data_access_frame(assessment)
    assert access[["unit", "table", "mode", "via"]].values.tolist() == [
        ["com.acme.ledger.LedgerService", "postings", "write", "spring-data"]
    ]
    deps = dependencies_frame(assessment)
    assert set(deps["name"]) == {
        "org.springframework.boot:spring-boot-starter-data-jpa",
        "org.postgresql:postgresql",
        "org.junit.jupiter:junit-jupiter",
    }
    assert deps.loc[deps["name"] == "org.postgresql:postgresql", "version"].item() == "42.7.1"


def test_frames_of_an_empty_data_model_keep_their_columns(make_app: MakeApp) -> None:
    assessment = scan(make_app({"README.md": "nothing here\n"}), CONFIG)
    for frame in (
        tables_frame(assessment),
        entities_frame(assessment),
        foreign_keys_frame(assessment),
        transactions_frame(assessment),
        shared_tables_frame(assessment),
    ):
        assert frame.empty and len(frame.columns) >= 6
    assert access_matrix(assessment).empty


def test_frames_read_a_portfolio_output_folder(make_app: MakeApp, tmp_path: Path) -> None:
    apps = tmp_path / "apps"
    make_app(FILES, name="apps/ledger")
    make_app(
        {
            "db/schema.sql": SCHEMA,
            "report.py": 'SQL = "SELECT * FROM postings p JOIN accounts a ON a.id = p.account_id"\n',
        },
        name="apps/reports",
    )
    out = tmp_path / "out"
    assert main(["portfolio", str(apps), "-o", str(out)]) == 0
    tables = tables_frame(out)
    assert sorted(set(tables["app"])) == ["ledger", "reports"]
    shared = shared_tables_frame(out)
    assert sorted(shared[["app", "table", "how"]].itertuples(index=False, name=None)) == [
        ("ledger", "accounts", "declares"),
        ("ledger", "postings", "declares"),
        ("reports", "accounts", "declares"),
        ("reports", "postings", "declares"),
    ]
    assert set(shared["shared_with"]) == {"ledger", "reports"}
    assert isinstance(transactions_frame(out), pd.DataFrame)
    assert list(transactions_frame(out)["app"]) == ["ledger"]
