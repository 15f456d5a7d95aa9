@extends('layouts.app')

@section('content')
<h1>Invoices</h1>
<form method="get">
    <select name="status" onchange="this.form.submit()">
        <option value="">All</option>
        @foreach ($statuses as $status)
            <option value="{{ $status }}" @selected(request('status') === $status)>{{ ucfirst($status) }}</option>
        @endforeach
    </select>
</form>
<table class="table">
    <thead><tr><th>Number</th><th>Customer</th><th>Issued</th><th>Due</th><th>Status</th><th class="text-end">Total</th></tr></thead>
    <tbody>
    @forelse ($invoices as $invoice)
        <tr>
            <td><a href="{{ route('invoices.show', $invoice) }}">{{ $invoice->number }}</a></td>
            <td>{{ $invoice->customer->name }}</td>
            <td>{{ $invoice->issued_on->format('d M Y') }}</td>
            <td>{{ $invoice->due_on->format('d M Y') }}</td>
            <td>{{ $invoice->status }}</td>
            <td class="text-end">{{ $invoice->currency }} {{ number_format($invoice->total, 2) }}</td>
        </tr>
    @empty
        <tr><td colspan="6">No invoices yet.</td></tr>
    @endforelse
    </tbody>
</table>
{{ $invoices->links() }}
@endsection
