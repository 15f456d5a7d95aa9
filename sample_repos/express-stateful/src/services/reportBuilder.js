'use strict';

const COLUMNS = ['number', 'policyNumber', 'claimant', 'incidentDate', 'amount', 'status', 'assignee', 'documents', 'updatedAt'];

function csvCell(value) {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function claimsToCsv(claims) {
  const rows = [COLUMNS.join(',')];
  for (const claim of claims) {
    rows.push(
      COLUMNS.map((column) => csvCell(column === 'documents' ? claim.documents.length : claim[column])).join(',')
    );
  }
  return rows.join('\n') + '\n';
}

function summarise(claims) {
  const byStatus = {};
  let totalAmount = 0;
  for (const claim of claims) {
    byStatus[claim.status] = (byStatus[claim.status] || 0) + 1;
    totalAmount += claim.amount;
  }
  return { count: claims.length, byStatus, totalAmount: Math.round(totalAmount * 100) / 100 };
}

function reportName(prefix, date = new Date()) {
  return `${prefix}-${date.toISOString().slice(0, 10)}.csv`;
}

module.exports = { claimsToCsv, summarise, reportName };
