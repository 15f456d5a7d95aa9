<!doctype html>
<html>
<head><meta charset="utf-8"><style>body{font-family:sans-serif;font-size:11pt} td{padding:4px}</style></head>
<body>
<h1>Invoice {{ $invoice->number }}</h1>
<p>Northwind Consulting Ltd · VAT GB123456789</p>
<p>{{ $invoice->customer->name }}<br>{{ $invoice->customer->address_line1 }}<br>{{ $invoice->customer->city }} {{ $invoice->customer->postcode }}</p>
<p>Issued {{ $invoice->issued_on->format('d/m/Y') }} · Due {{ $invoice->due_on->format('d/m/Y') }}</p>
<table>
@foreach ($invoice->lines as $line)
    <tr><td>{{ $line->description }}</td><td>{{ $line->quantity }}</td><td>{{ number_format($line->unit_price, 2) }}</td></tr>
@endforeach
</table>
<p>Subtotal {{ number_format($invoice->subtotal, 2) }} · VAT {{ number_format($invoice->tax, 2) }} · <strong>Total {{ $invoice->currency }} {{ number_format($invoice->total, 2) }}</strong></p>
</body>
</html>
