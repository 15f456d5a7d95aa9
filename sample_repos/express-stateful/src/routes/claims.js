'use strict';

const express = require('express');
const store = require('../store');
const cache = require('../cache');
const users = require('../users');
const { requireRole } = require('../middleware/auth');

const router = express.Router();

const STATUSES = ['open', 'in_review', 'approved', 'rejected', 'closed'];

function rememberRecent(req, claim) {
  const recent = (req.session.recentClaims || []).filter((c) => c.id !== claim.id);
  recent.unshift({ id: claim.id, number: claim.number });
  req.session.recentClaims = recent.slice(0, 10);
}

router.get('/', (req, res) => {
  const { status, mine } = req.query;
  const claims = store.list({ status, assignee: mine ? req.session.user.username : undefined });
  res.json({ claims, total: claims.length });
});

router.get('/handlers', async (req, res, next) => {
  try {
    res.json(await cache.remember('handlers', 300, async () => users.all()));
  } catch (err) {
    next(err);
  }
});

router.get('/:id', (req, res) => {
  const claim = store.get(req.params.id);
  if (!claim) return res.status(404).json({ error: 'claim not found' });
  rememberRecent(req, claim);
  res.json(claim);
});

router.post('/', (req, res) => {
  const { policyNumber, claimant, incidentDate } = req.body || {};
  if (!policyNumber || !claimant || !incidentDate) {
    return res.status(400).json({ error: 'policyNumber, claimant and incidentDate are required' });
  }
  if (Number.isNaN(Date.parse(incidentDate))) {
    return res.status(400).json({ error: 'incidentDate must be a date' });
  }
  const claim = store.create(req.body, req.session.user);
  rememberRecent(req, claim);
  res.status(201).json(claim);
});

router.patch('/:id', (req, res) => {
  if (req.body.status && !STATUSES.includes(req.body.status)) {
    return res.status(400).json({ error: `status must be one of ${STATUSES.join(', ')}` });
  }
  const claim = store.update(req.params.id, req.body, req.session.user);
  if (!claim) return res.status(404).json({ error: 'claim not found' });
  res.json(claim);
});

router.post('/:id/approve', requireRole('supervisor'), (req, res) => {
  const claim = store.update(req.params.id, { status: 'approved' }, req.session.user);
  if (!claim) return res.status(404).json({ error: 'claim not found' });
  res.json(claim);
});

module.exports = router;
