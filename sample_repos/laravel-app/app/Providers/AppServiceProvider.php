<?php

namespace App\Providers;

use App\Services\InvoiceNumberGenerator;
use App\Services\InvoicePdfRenderer;
use Illuminate\Pagination\Paginator;
use Illuminate\Support\ServiceProvider;

class AppServiceProvider extends ServiceProvider
{
    public function register(): void
    {
        $this->app->singleton(InvoiceNumberGenerator::class);
        $this->app->singleton(InvoicePdfRenderer::class);
    }

    public function boot(): void
    {
        Paginator::useBootstrapFive();
    }
}
