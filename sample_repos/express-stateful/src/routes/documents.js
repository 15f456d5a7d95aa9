'use strict';

const express = require('express');
const multer = require('multer');
const path = require('path');
const fs = require('fs');
const store = require('../store');
const config = require('../config');
const logger = require('../logger');

const router = express.Router();

// Claim documents (photos, invoices, police reports) go to the local uploads/ folder.
const upload = multer({ dest: 'uploads/', limits: { fileSize: config.maxUploadBytes } });

// Bulk imports are parsed in memory and never touch the disk.
const importUpload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 2 * 1024 * 1024 } });

router.post('/:id/documents', upload.single('document'), (req, res) => {
  if (!req.file) return res.status(400).json({ error: 'no file uploaded (field "document")' });
  if (!config.allowedDocumentTypes.includes(req.file.mimetype)) {
    fs.unlink(req.file.path, () => {});
    return res.status(415).json({ error: 'only PDF, JPEG and PNG documents are accepted' });
  }
  const document = {
    storedAs: req.file.filename,
    originalName: req.file.originalname,
    mimeType: req.file.mimetype,
    size: req.file.size,
    uploadedBy: req.session.user.username,
    uploadedAt: new Date().toISOString(),
  };
  const claim = store.addDocument(req.params.id, document, req.session.user);
  if (!claim) {
    fs.unlink(req.file.path, () => {});
    return res.status(404).json({ error: 'claim not found' });
  }
  logger.info('document attached', { claim: claim.number, file: document.storedAs });
  res.status(201).json(document);
});

router.get('/:id/documents/:storedAs', (req, res) => {
  const claim = store.get(req.params.id);
  const document = claim && claim.documents.find((d) => d.storedAs === req.params.storedAs);
  if (!document) return res.status(404).json({ error: 'document not found' });
  res.type(document.mimeType);
  res.download(path.join(config.uploadDir, document.storedAs), document.originalName);
});

// POST /claims/import with a CSV: policyNumber,claimant,incidentDate,amount,description
router.post('/import', importUpload.single('file'), (req, res) => {
  if (!req.file) return res.status(400).json({ error: 'no file uploaded (field "file")' });
  const lines = req.file.buffer.toString('utf8').split(/\r?\n/).filter(Boolean);
  const header = lines.shift();
  if (!header || !header.startsWith('policyNumber')) {
    return res.status(400).json({ error: 'unexpected CSV header' });
  }
  const created = [];
  const rejected = [];
  lines.forEach((line, index) => {
    const [policyNumber, claimant, incidentDate, amount, ...rest] = line.split(',');
    if (!policyNumber || !claimant || Number.isNaN(Date.parse(incidentDate))) {
      rejected.push({ line: index + 2, reason: 'missing or invalid fields' });
      return;
    }
    const claim = store.create(
      { policyNumber, claimant, incidentDate, amount, description: rest.join(',') },
      req.session.user
    );
    created.push(claim.number);
  });
  res.status(created.length ? 201 : 400).json({ created, rejected });
});

module.exports = router;
