<?php

namespace App\Services;

use App\Models\Invoice;
use Illuminate\Support\Facades\Log;
use Illuminate\Support\Facades\Process;
use RuntimeException;

/**
 * Renders an invoice to PDF with wkhtmltopdf: the Blade view is written to a scratch
 * HTML file in the system temp directory and converted next to it.
 */
class InvoicePdfRenderer
{
    public function render(Invoice $invoice): string
    {
        $invoice->loadMissing(['customer', 'lines']);
        $html = view('invoices.pdf', ['invoice' => $invoice])->render();

        file_put_contents(sys_get_temp_dir()."/invoice-{$invoice->number}.html", $html);

        $source = sys_get_temp_dir()."/invoice-{$invoice->number}.html";
        $target = sys_get_temp_dir()."/invoice-{$invoice->number}.pdf";

        $result = Process::timeout(60)->run(['wkhtmltopdf', '--quiet', '--page-size', 'A4', $source, $target]);
        @unlink($source);

        if ($result->failed()) {
            Log::error('wkhtmltopdf failed', ['invoice' => $invoice->number, 'stderr' => $result->errorOutput()]);
            throw new RuntimeException("Could not render invoice {$invoice->number}.");
        }

        return $target;
    }
}
