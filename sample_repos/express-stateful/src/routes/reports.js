'use strict';

const express = require('express');
const fs = require('fs');
const os = require('os');
const path = require('path');
const store = require('../store');
const config = require('../config');
const logger = require('../logger');
const { audit } = require('../audit');
const { claimsToCsv, summarise, reportName } = require('../services/reportBuilder');

const router = express.Router();

router.get('/summary', (req, res) => {
  res.json(summarise(store.list({ status: req.query.status })));
});

// Saves the report in reports/ so underwriting can pick it up from the share later.
router.post('/claims', (req, res) => {
  const claims = store.list({ status: req.body.status });
  const fileName = reportName(req.body.status ? `claims-${req.body.status}` : 'claims');
  const filePath = path.join(config.reportsDir, fileName);
  try {
    fs.mkdirSync(config.reportsDir, { recursive: true });
    fs.writeFileSync(filePath, claimsToCsv(claims));
  } catch (err) {
    logger.error('could not write report', { err, filePath });
    return res.status(500).json({ error: 'report could not be saved' });
  }
  audit('report_saved', req.session.user.username, { fileName, rows: claims.length });
  res.status(201).json({ fileName, rows: claims.length, url: `${config.publicUrl}/reports/${fileName}` });
});

// A quick preview is built in the OS temp dir and streamed back, then removed.
router.get('/claims/preview.csv', (req, res) => {
  const claims = store.list({ status: req.query.status }).slice(0, 200);
  const previewName = `claimdesk-preview-${process.pid}-${Date.now()}.csv`;
  fs.writeFileSync(path.join(os.tmpdir(), previewName), claimsToCsv(claims));
  res.download(path.join(os.tmpdir(), previewName), 'preview.csv', () => {
    fs.unlink(path.join(os.tmpdir(), previewName), () => {});
  });
});

router.get('/files', (req, res) => {
  if (!fs.existsSync(config.reportsDir)) return res.json({ files: [] });
  const files = fs.readdirSync(config.reportsDir).filter((f) => f.endsWith('.csv')).sort().reverse();
  res.json({ files });
});

module.exports = router;
