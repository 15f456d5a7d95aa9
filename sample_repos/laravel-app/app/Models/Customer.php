<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Factories\HasFactory;
use Illuminate\Database\Eloquent\Model;
use Illuminate\Database\Eloquent\Relations\HasMany;
use Illuminate\Database\Eloquent\Relations\HasManyThrough;
use Illuminate\Database\Eloquent\SoftDeletes;

class Customer extends Model
{
    use HasFactory, SoftDeletes;

    protected $fillable = [
        'name', 'email', 'vat_number', 'address_line1', 'address_line2', 'city', 'postcode', 'country',
        'payment_terms_days',
    ];

    public function invoices(): HasMany
    {
        return $this->hasMany(Invoice::class);
    }

    public function payments(): HasManyThrough
    {
        return $this->hasManyThrough(Payment::class, Invoice::class);
    }

    public function outstandingBalance(): string
    {
        $billed = $this->invoices()->whereIn('status', ['sent', 'overdue'])->sum('total');
        $paid = $this->payments()->whereHas('invoice', fn ($q) => $q->whereIn('status', ['sent', 'overdue']))->sum('amount');

        return bcsub((string) $billed, (string) $paid, 2);
    }
}
