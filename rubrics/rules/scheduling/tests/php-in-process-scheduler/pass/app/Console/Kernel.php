<?php
class Kernel extends ConsoleKernel
{
    protected function commands(): void
    {
        // $schedule->command('invoices:remind')->daily();
        $this->load(__DIR__.'/Commands');
    }
}
