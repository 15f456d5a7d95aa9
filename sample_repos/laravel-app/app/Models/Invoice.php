<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Builder;
use Illuminate\Database\Eloquent\Factories\HasFactory;
use Illuminate\Database\Eloquent\Model;
use Illuminate\Database\Eloquent\Relations\BelongsTo;
use Illuminate\Database\Eloquent\Relations\HasMany;

class Invoice extends Model
{
    use HasFactory;

    public const STATUSES = ['draft', 'sent', 'paid', 'overdue', 'void'];

    protected $fillable = [
        'customer_id', 'number', 'status', 'issued_on', 'due_on', 'currency', 'notes', 'created_by',
    ];

    protected $casts = [
        'issued_on' => 'date',
        'due_on' => 'date',
        'subtotal' => 'decimal:2',
        'tax' => 'decimal:2',
        'total' => 'decimal:2',
    ];

    public function customer(): BelongsTo
    {
        return $this->belongsTo(Customer::class);
    }

    public function lines(): HasMany
    {
        return $this->hasMany(InvoiceLine::class)->orderBy('position');
    }

    public function payments(): HasMany
    {
        return $this->hasMany(Payment::class);
    }

    public function attachments(): HasMany
    {
        return $this->hasMany(Attachment::class);
    }

    public function author(): BelongsTo
    {
        return $this->belongsTo(User::class, 'created_by');
    }

    public function scopeOutstanding(Builder $query): Builder
    {
        return $query->whereIn('status', ['sent', 'overdue']);
    }

    public function recalculate(): void
    {
        $subtotal = '0.00';
        $tax = '0.00';
        foreach ($this->lines as $line) {
            $net = bcmul((string) $line->quantity, (string) $line->unit_price, 2);
            $subtotal = bcadd($subtotal, $net, 2);
            $tax = bcadd($tax, bcmul($net, (string) $line->tax_rate, 4), 2);
        }
        $this->subtotal = $subtotal;
        $this->tax = $tax;
        $this->total = bcadd($subtotal, $tax, 2);
    }

    public function amountPaid(): string
    {
        return (string) $this->payments()->sum('amount');
    }

    public function isSettled(): bool
    {
        return bccomp($this->amountPaid(), (string) $this->total, 2) >= 0;
    }
}
