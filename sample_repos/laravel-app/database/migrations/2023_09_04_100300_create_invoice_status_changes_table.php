<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Schema;

/**
 * The auditors asked for a history of every invoice status change, including the ones made
 * directly in the database by support staff, so the history is written by a trigger.
 */
return new class extends Migration
{
    public function up(): void
    {
        Schema::create('invoice_status_changes', function (Blueprint $table) {
            $table->id();
            $table->foreignId('invoice_id')->constrained()->cascadeOnDelete();
            $table->string('old_status', 16);
            $table->string('new_status', 16);
            $table->timestamp('changed_at')->useCurrent();
        });

        DB::unprepared(<<<'SQL'
            CREATE TRIGGER invoices_status_audit AFTER UPDATE ON invoices
            FOR EACH ROW
            BEGIN
                IF NEW.status <> OLD.status THEN
                    INSERT INTO invoice_status_changes (invoice_id, old_status, new_status, changed_at)
                    VALUES (NEW.id, OLD.status, NEW.status, NOW());
                END IF;
            END
            SQL);
    }

    public function down(): void
    {
        DB::unprepared('DROP TRIGGER IF EXISTS invoices_status_audit');
        Schema::dropIfExists('invoice_status_changes');
    }
};
