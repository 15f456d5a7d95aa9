<?php

namespace App\Http\Controllers;

use App\Models\Invoice;
use Illuminate\Http\RedirectResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Carbon;
use Symfony\Component\HttpFoundation\BinaryFileResponse;

/**
 * Month-end exports for the accountants. Files are kept in storage/app/exports so that
 * they can be downloaded again later from the exports page.
 */
class ExportController extends Controller
{
    public function store(Request $request): RedirectResponse
    {
        $data = $request->validate(['month' => 'required|date_format:Y-m']);
        $start = Carbon::createFromFormat('Y-m', $data['month'])->startOfMonth();
        $end = $start->copy()->endOfMonth();

        $dir = storage_path('app/exports');
        if (! is_dir($dir)) {
            mkdir($dir, 0775, true);
        }

        $csvName = "invoices-{$start->format('Y-m')}.csv";
        $handle = fopen(storage_path("app/exports/{$csvName}"), 'w');
        fputcsv($handle, ['number', 'customer', 'issued_on', 'due_on', 'status', 'subtotal', 'tax', 'total', 'paid']);

        $totals = ['count' => 0, 'subtotal' => '0.00', 'tax' => '0.00', 'total' => '0.00'];

        Invoice::with('customer')
            ->whereBetween('issued_on', [$start, $end])
            ->where('status', '!=', 'void')
            ->orderBy('number')
            ->chunk(500, function ($invoices) use ($handle, &$totals) {
                foreach ($invoices as $invoice) {
                    fputcsv($handle, [
                        $invoice->number,
                        $invoice->customer->name,
                        $invoice->issued_on->toDateString(),
                        $invoice->due_on->toDateString(),
                        $invoice->status,
                        $invoice->subtotal,
                        $invoice->tax,
                        $invoice->total,
                        $invoice->amountPaid(),
                    ]);
                    $totals['count']++;
                    $totals['subtotal'] = bcadd($totals['subtotal'], (string) $invoice->subtotal, 2);
                    $totals['tax'] = bcadd($totals['tax'], (string) $invoice->tax, 2);
                    $totals['total'] = bcadd($totals['total'], (string) $invoice->total, 2);
                }
            });
        fclose($handle);

        // The accounts package also wants a small summary next to the CSV.
        file_put_contents(storage_path("app/exports/summary-{$start->format('Y-m')}.json"), json_encode($totals + [
            'month' => $start->format('Y-m'),
            'generated_at' => now()->toIso8601String(),
        ], JSON_PRETTY_PRINT));

        // Debug output used while reconciling the March figures:
        // $fh = fopen('/tmp/x','w'); fwrite($fh, print_r($totals, true));

        return redirect()->route('exports.index')->with('status', "Exported {$totals['count']} invoices.");
    }

    public function index()
    {
        $files = collect(glob(storage_path('app/exports/*.{csv,json}'), GLOB_BRACE))
            ->map(fn ($path) => ['name' => basename($path), 'size' => filesize($path), 'modified' => filemtime($path)])
            ->sortByDesc('modified')
            ->values();

        return view('exports.index', ['files' => $files]);
    }

    public function download(string $name): BinaryFileResponse
    {
        abort_unless(preg_match('/^[\w.-]+\.(csv|json)$/', $name), 404);
        $path = storage_path("app/exports/{$name}");
        abort_unless(is_file($path), 404);

        return response()->download($path);
    }
}
