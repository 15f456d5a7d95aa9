<?php

namespace App\Http\Controllers;

use App\Models\Customer;
use Illuminate\Http\RedirectResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Log;
use Illuminate\View\View;

class CustomerController extends Controller
{
    public function index(Request $request): View
    {
        $customers = Customer::query()
            ->when($request->query('q'), fn ($q, $term) => $q->where('name', 'like', "%{$term}%"))
            ->withCount('invoices')
            ->orderBy('name')
            ->paginate(25);

        return view('customers.index', ['customers' => $customers]);
    }

    public function store(Request $request): RedirectResponse
    {
        $data = $request->validate([
            'name' => 'required|string|max:200',
            'email' => 'required|email|max:200',
            'vat_number' => 'nullable|string|max:32',
            'address_line1' => 'required|string|max:200',
            'address_line2' => 'nullable|string|max:200',
            'city' => 'required|string|max:100',
            'postcode' => 'required|string|max:16',
            'country' => 'required|string|size:2',
            'payment_terms_days' => 'nullable|integer|min:0|max:120',
        ]);

        $customer = Customer::create($data);

        return redirect()->route('customers.show', $customer)->with('status', 'Customer created.');
    }

    public function show(Customer $customer): View
    {
        $customer->load(['invoices' => fn ($q) => $q->latest('issued_on')->limit(20)]);

        return view('customers.show', [
            'customer' => $customer,
            'outstanding' => $customer->outstandingBalance(),
        ]);
    }

    /**
     * Import customers from the old accounting package (CSV with a header row).
     */
    public function import(Request $request): RedirectResponse
    {
        $request->validate(['csv' => 'required|file|mimes:csv,txt|max:2048']);

        $handle = fopen($request->file('csv')->getRealPath(), 'r');
        if ($handle === false) {
            return back()->withErrors(['csv' => 'The file could not be read.']);
        }

        $header = fgetcsv($handle);
        $created = 0;

        try {
            DB::transaction(function () use ($handle, $header, &$created) {
                while (($row = fgetcsv($handle)) !== false) {
                    $record = array_combine($header, $row);
                    if (empty($record['name']) || empty($record['email'])) {
                        continue;
                    }
                    Customer::updateOrCreate(
                        ['email' => strtolower(trim($record['email']))],
                        [
                            'name' => trim($record['name']),
                            'vat_number' => $record['vat_number'] ?? null,
                            'address_line1' => $record['address'] ?? '',
                            'city' => $record['city'] ?? '',
                            'postcode' => $record['postcode'] ?? '',
                            'country' => strtoupper($record['country'] ?? 'GB'),
                        ]
                    );
                    $created++;
                }
            });
        } catch (\ValueError $e) {
            Log::warning('customer import failed', ['error' => $e->getMessage()]);

            return back()->withErrors(['csv' => 'The columns do not match the header row.']);
        } finally {
            fclose($handle);
        }

        return redirect()->route('customers.index')->with('status', "{$created} customers imported.");
    }
}
