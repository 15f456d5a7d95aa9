<?php

namespace App\Http\Controllers;

use App\Models\Invoice;
use App\Models\Payment;
use Illuminate\Http\RedirectResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Log;

class PaymentController extends Controller
{
    public function store(Request $request, Invoice $invoice): RedirectResponse
    {
        $data = $request->validate([
            'amount' => 'required|numeric|min:0.01',
            'paid_on' => 'required|date|before_or_equal:today',
            'method' => 'required|in:bank_transfer,card,cheque',
            'reference' => 'nullable|string|max:100',
        ]);

        $payment = DB::transaction(function () use ($invoice, $data, $request) {
            $invoice = Invoice::whereKey($invoice->id)->lockForUpdate()->firstOrFail();
            abort_if(in_array($invoice->status, ['draft', 'void'], true), 422, 'This invoice cannot take payments.');

            $outstanding = bcsub((string) $invoice->total, $invoice->amountPaid(), 2);
            abort_if(bccomp((string) $data['amount'], $outstanding, 2) > 0, 422, "At most {$outstanding} is outstanding.");

            $payment = Payment::create($data + [
                'invoice_id' => $invoice->id,
                'recorded_by' => $request->user()->id,
            ]);

            if ($invoice->isSettled()) {
                $invoice->update(['status' => 'paid']);
            }

            return $payment;
        });

        Log::info('payment recorded', ['invoice' => $invoice->number, 'payment' => $payment->id, 'amount' => $payment->amount]);

        return redirect()->route('invoices.show', $invoice)->with('status', 'Payment recorded.');
    }

    public function destroy(Payment $payment): RedirectResponse
    {
        $invoice = $payment->invoice;

        DB::transaction(function () use ($payment, $invoice) {
            $payment->delete();
            if ($invoice->status === 'paid') {
                $invoice->update(['status' => $invoice->due_on->isPast() ? 'overdue' : 'sent']);
            }
        });

        return redirect()->route('invoices.show', $invoice)->with('status', 'Payment removed.');
    }
}
