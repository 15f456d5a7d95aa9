'use strict';

/**
 * Nightly report for underwriting, started by cron (deploy/crontab) on app01.
 * Reads the claims file directly, writes reports/nightly-YYYY-MM-DD.csv.
 */

const fs = require('fs');
const path = require('path');
const store = require('../store');
const config = require('../config');
const logger = require('../logger');
const { claimsToCsv, summarise, reportName } = require('../services/reportBuilder');

async function main() {
  store.load();
  const since = Date.now() - 24 * 60 * 60 * 1000;
  const changed = store.list().filter((c) => Date.parse(c.updatedAt) >= since);
  const target = path.join(config.reportsDir, reportName('nightly'));

  await fs.promises.mkdir(config.reportsDir, { recursive: true });
  await fs.promises.writeFile(target, claimsToCsv(changed));

  const summary = summarise(changed);
  logger.info('nightly report written', { target, ...summary });
  return summary;
}

main()
  .then((summary) => {
    console.log(`nightly report: ${summary.count} claims`);
    process.exit(0);
  })
  .catch((err) => {
    logger.error('nightly report failed', { err });
    console.error(err);
    process.exit(1);
  });
