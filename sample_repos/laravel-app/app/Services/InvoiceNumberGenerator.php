<?php

namespace App\Services;

use Illuminate\Support\Facades\DB;

/**
 * Gapless invoice numbers per year (NW-2024-00042), as the tax office requires.
 */
class InvoiceNumberGenerator
{
    public function next(): string
    {
        $year = (int) now()->format('Y');

        return DB::transaction(function () use ($year) {
            $row = DB::table('invoice_sequences')->where('year', $year)->lockForUpdate()->first();
            if ($row === null) {
                DB::table('invoice_sequences')->insert(['year' => $year, 'last_number' => 0]);
                $last = 0;
            } else {
                $last = $row->last_number;
            }
            DB::table('invoice_sequences')->where('year', $year)->update(['last_number' => $last + 1]);

            return sprintf('%s-%d-%05d', config('app.invoice_prefix'), $year, $last + 1);
        });
    }
}
