<?php

namespace App\Http\Controllers;

use App\Services\AgedDebtReport;
use Illuminate\View\View;

class ReportController extends Controller
{
    public function agedDebt(AgedDebtReport $report): View
    {
        return view('reports.aged-debt', ['rows' => $report->rows()]);
    }
}
