"""PHP: Eloquent models and relations, Laravel migrations, Doctrine mappings, transactions."""

from __future__ import annotations

from tests.unit.analyzers.data_support import MakeApp, accesses, analyze, findings, keys, tables, transactions

TEAM = """\
<?php

namespace App\\Models;

use Illuminate\\Database\\Eloquent\\Model;

class Team extends Model
{
    public function members()
    {
        return $this->hasMany(Member::class);
    }

    public function projects()
    {
        return $this->belongsToMany(Project::class);
    }
}
"""

MEMBER = """\
<?php

namespace App\\Models;

use Illuminate\\Database\\Eloquent\\Model;

class Member extends Model
{
    protected $table = 'team_members';

    public function team()
    {
        return $this->belongsTo(Team::class, 'owning_team_id');
    }
}
"""

PROJECT = """\
<?php

namespace App\\Models;

use Illuminate\\Database\\Eloquent\\Model;

class Project extends Model
{
}
"""

MERGER = """\
<?php

namespace App\\Services;

use App\\Models\\Member;
use App\\Models\\Team;
use Illuminate\\Support\\Facades\\DB;

class TeamMerger
{
    public function merge(int $from, int $into): void
    {
        DB::transaction(function () use ($from, $into) {
            Member::where('owning_team_id', $from)->update(['owning_team_id' => $into]);
            Team::destroy($from);
            $this->audit('merge');
        });
    }

    public function rename(Team $team, string $name): void
    {
        DB::beginTransaction();
        $team->update(['name' => $name]);
        DB::commit();
    }

    private function audit(string $event): void
    {
        DB::table('audit_log')->insert(['event' => $event]);
    }

    public function recount(\\PDO $pdo): void
    {
        $pdo->beginTransaction();
        $pdo->exec("CALL recount_members()");
        $pdo->commit();
    }
}
"""

MIGRATION = """\
<?php

use Illuminate\\Database\\Migrations\\Migration;
use Illuminate\\Database\\Schema\\Blueprint;
use Illuminate\\Support\\Facades\\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::create('teams', function (Blueprint $table) {
            $table->id();
            $table->string('name');
        });
        Schema::create('team_members', function (Blueprint $table) {
            $table->id();
            $table->foreignId('owning_team_id')->constrained('teams')->cascadeOnDelete();
            $table->foreignIdFor(Project::class)->constrained();
        });
        Schema::create('audit_log', function (Blueprint $table) {
            $table->id();
            $table->unsignedBigInteger('team_id');
            $table->foreign('team_id')->references('id')->on('teams');
        });
    }
};
"""

MODELS = {"app/Models/Team.php": TEAM, "app/Models/Member.php": MEMBER, "app/Models/Project.php": PROJECT}


def test_eloquent_models_and_laravel_migrations(make_app: MakeApp) -> None:
    result = analyze(
        make_app, {**MODELS, "database/migrations/2024_01_01_000000_create_teams.php": MIGRATION}
    )
    # $table wins over the plural snake case default; belongsToMany joins the sorted singulars
    assert tables(result) == ["audit_log", "project_team", "projects", "team_members", "teams"]
    assert {t.source for t in result.model.tables if t.name in ("audit_log", "teams")} == {
        "laravel-migration"
    }
    assert {(e.unit, e.table, e.orm) for e in result.model.entities} == {
        ("App\\Models\\Member", "team_members", "eloquent"),
        ("App\\Models\\Project", "projects", "eloquent"),
        ("App\\Models\\Team", "teams", "eloquent"),
    }
    assert {(k.table, k.ref_table, k.columns, k.ref_columns) for k in result.model.foreign_keys} == {
        ("audit_log", "teams", ("team_id",), ("id",)),
        ("team_members", "teams", ("owning_team_id",), ("id",)),
        ("team_members", "projects", ("project_id",), ("id",)),
        ("project_team", "projects", (), ()),
        ("project_team", "teams", (), ()),
    }


def test_db_transaction_closure_and_begin_transaction(make_app: MakeApp) -> None:
    result = analyze(
        make_app,
        {
            **MODELS,
            "database/migrations/2024_01_01_000000_create_teams.php": MIGRATION,
            "app/Services/TeamMerger.php": MERGER,
        },
    )
    unit = "App\\Services\\TeamMerger"
    assert accesses(result) == {
        (unit, "team_members", "write"),
        (unit, "teams", "write"),
        (unit, "audit_log", "write"),
    }
    assert {(a.table, a.via) for a in result.model.accesses if a.table == "audit_log"} == {
        ("audit_log", "query-builder")
    }
    assert transactions(result) == {
        ("merge", "laravel", ("audit_log", "team_members", "teams")),
        ("rename", "laravel", ("teams",)),
        ("recount", "pdo", ()),
    }
    merge = next(t for t in result.model.transactions if t.name == "merge")
    assert (merge.line, merge.depth, merge.unresolved) == (13, 1, ())  # audit_log via $this->audit()
    assert findings(result) == {("stored-procedure", "app/Services/TeamMerger.php", 35)}


DOCTRINE = """\
<?php

namespace App\\Entity;

use Doctrine\\ORM\\Mapping as ORM;

#[ORM\\Entity]
#[ORM\\Table(name: 'shipments')]
class Shipment
{
    #[ORM\\ManyToOne(targetEntity: Warehouse::class)]
    #[ORM\\JoinColumn(name: 'origin_id')]
    private Warehouse $origin;
}

#[ORM\\Entity]
class Warehouse
{
}
"""


def test_doctrine_attribute_mappings(make_app: MakeApp) -> None:
    result = analyze(make_app, {"src/Entity/Shipment.php": DOCTRINE})
    assert tables(result) == ["shipments", "warehouse"]
    assert keys(result) == {("shipments", "warehouse", ("origin_id",))}
