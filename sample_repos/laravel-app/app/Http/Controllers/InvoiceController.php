<?php

namespace App\Http\Controllers;

use App\Models\Customer;
use App\Models\Invoice;
use App\Services\InvoiceNumberGenerator;
use App\Services\InvoicePdfRenderer;
use Illuminate\Http\RedirectResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Mail;
use Illuminate\View\View;
use Symfony\Component\HttpFoundation\BinaryFileResponse;

class InvoiceController extends Controller
{
    public function __construct(
        private readonly InvoiceNumberGenerator $numbers,
        private readonly InvoicePdfRenderer $pdf,
    ) {
    }

    public function index(Request $request): View
    {
        $invoices = Invoice::with('customer')
            ->when($request->query('status'), fn ($q, $status) => $q->where('status', $status))
            ->latest('issued_on')
            ->paginate(30);

        return view('invoices.index', ['invoices' => $invoices, 'statuses' => Invoice::STATUSES]);
    }

    public function show(Invoice $invoice): View
    {
        $invoice->load(['customer', 'lines', 'payments', 'attachments']);

        return view('invoices.show', ['invoice' => $invoice]);
    }

    public function store(Request $request): RedirectResponse
    {
        $data = $request->validate([
            'customer_id' => 'required|exists:customers,id',
            'issued_on' => 'required|date',
            'currency' => 'required|string|size:3',
            'notes' => 'nullable|string|max:2000',
            'lines' => 'required|array|min:1',
            'lines.*.description' => 'required|string|max:500',
            'lines.*.quantity' => 'required|numeric|min:0.01',
            'lines.*.unit_price' => 'required|numeric|min:0',
            'lines.*.tax_rate' => 'required|numeric|min:0|max:1',
        ]);

        $invoice = DB::transaction(function () use ($data, $request) {
            $customer = Customer::findOrFail($data['customer_id']);
            $days = $customer->payment_terms_days ?? config('app.invoice_due_days');

            $invoice = Invoice::create([
                'customer_id' => $customer->id,
                'number' => $this->numbers->next(),
                'status' => 'draft',
                'issued_on' => $data['issued_on'],
                'due_on' => now()->parse($data['issued_on'])->addDays($days),
                'currency' => $data['currency'],
                'notes' => $data['notes'] ?? null,
                'created_by' => $request->user()->id,
            ]);

            foreach (array_values($data['lines']) as $position => $line) {
                $invoice->lines()->create($line + ['position' => $position]);
            }

            $invoice->load('lines');
            $invoice->recalculate();
            $invoice->save();

            return $invoice;
        });

        return redirect()->route('invoices.show', $invoice)->with('status', "Invoice {$invoice->number} created.");
    }

    public function send(Invoice $invoice): RedirectResponse
    {
        abort_unless($invoice->status === 'draft', 422, 'Only draft invoices can be sent.');

        $pdfPath = $this->pdf->render($invoice);

        Mail::raw("Please find attached invoice {$invoice->number}.", function ($message) use ($invoice, $pdfPath) {
            $message->to($invoice->customer->email)
                ->subject("Invoice {$invoice->number} from Northwind Consulting")
                ->attach($pdfPath, ['as' => "{$invoice->number}.pdf"]);
        });

        $invoice->update(['status' => 'sent']);

        return back()->with('status', "Invoice {$invoice->number} sent to {$invoice->customer->email}.");
    }

    public function download(Invoice $invoice): BinaryFileResponse
    {
        return response()->download($this->pdf->render($invoice), "{$invoice->number}.pdf");
    }

    public function void(Invoice $invoice): RedirectResponse
    {
        DB::transaction(function () use ($invoice) {
            $invoice->refresh();
            abort_if($invoice->payments()->exists(), 422, 'Invoices with payments cannot be voided.');
            $invoice->update(['status' => 'void']);
        });

        return back()->with('status', "Invoice {$invoice->number} voided.");
    }
}
