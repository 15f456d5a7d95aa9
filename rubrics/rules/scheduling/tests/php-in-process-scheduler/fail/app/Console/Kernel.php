<?php
class Kernel extends ConsoleKernel
{
    protected function schedule(Schedule $schedule): void
    {
        // ruleid: php-in-process-scheduler
        $schedule->command('invoices:remind')->dailyAt('02:00');
    }
}
