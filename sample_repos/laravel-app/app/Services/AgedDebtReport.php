<?php

namespace App\Services;

use Illuminate\Support\Facades\DB;

/**
 * Outstanding balances per customer, bucketed by how far past the due date they are.
 */
class AgedDebtReport
{
    private const SQL = <<<'SQL'
        SELECT c.id, c.name,
               SUM(CASE WHEN DATEDIFF(CURRENT_DATE, i.due_on) <= 30 THEN i.total - COALESCE(p.paid, 0) ELSE 0 END) AS days_0_30,
               SUM(CASE WHEN DATEDIFF(CURRENT_DATE, i.due_on) BETWEEN 31 AND 60 THEN i.total - COALESCE(p.paid, 0) ELSE 0 END) AS days_31_60,
               SUM(CASE WHEN DATEDIFF(CURRENT_DATE, i.due_on) > 60 THEN i.total - COALESCE(p.paid, 0) ELSE 0 END) AS days_over_60
          FROM customers c
          JOIN invoices i ON i.customer_id = c.id
          LEFT JOIN (SELECT invoice_id, SUM(amount) AS paid FROM payments GROUP BY invoice_id) p ON p.invoice_id = i.id
         WHERE i.status IN ('sent', 'overdue')
         GROUP BY c.id, c.name
         ORDER BY days_over_60 DESC
        SQL;

    /** @return array<int, object> */
    public function rows(): array
    {
        return DB::select(self::SQL);
    }
}
