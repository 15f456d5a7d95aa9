'use strict';

/**
 * Claims are kept in memory and flushed to data/claims.json after every change.
 * Good enough for one team on one server; see docs/ADR-004 for why we did not
 * take a database at the time.
 */

const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const config = require('./config');
const logger = require('./logger');

const CLAIMS_FILE = path.join(config.dataDir, 'claims.json');

let claims = new Map();
let nextNumber = 1;

function load() {
  if (!fs.existsSync(CLAIMS_FILE)) {
    logger.info('no claims file yet, starting empty', { file: CLAIMS_FILE });
    return;
  }
  try {
    const data = JSON.parse(fs.readFileSync(CLAIMS_FILE, 'utf8'));
    claims = new Map(data.claims.map((c) => [c.id, c]));
    nextNumber = data.nextNumber || claims.size + 1;
    logger.info('claims loaded', { count: claims.size });
  } catch (err) {
    logger.error('could not read claims file', { err, file: CLAIMS_FILE });
    throw err;
  }
}

function persist() {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const body = JSON.stringify({ nextNumber, claims: [...claims.values()] }, null, 2);
  fs.writeFileSync(CLAIMS_FILE, body, 'utf8');
}

function claimNumber() {
  const year = new Date().getFullYear();
  const number = `CLM-${year}-${String(nextNumber).padStart(5, '0')}`;
  nextNumber += 1;
  return number;
}

function list({ status, assignee } = {}) {
  return [...claims.values()]
    .filter((c) => !status || c.status === status)
    .filter((c) => !assignee || c.assignee === assignee)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

function get(id) {
  return claims.get(id) || null;
}

function create(fields, user) {
  const now = new Date().toISOString();
  const claim = {
    id: crypto.randomUUID(),
    number: claimNumber(),
    policyNumber: fields.policyNumber,
    claimant: fields.claimant,
    incidentDate: fields.incidentDate,
    description: fields.description || '',
    amount: Number(fields.amount) || 0,
    status: 'open',
    assignee: user.username,
    documents: [],
    history: [{ at: now, by: user.username, action: 'created' }],
    createdAt: now,
    updatedAt: now,
  };
  claims.set(claim.id, claim);
  persist();
  return claim;
}

function update(id, changes, user) {
  const claim = claims.get(id);
  if (!claim) return null;
  const allowed = ['description', 'amount', 'status', 'assignee'];
  for (const key of allowed) {
    if (changes[key] !== undefined) {
      claim.history.push({ at: new Date().toISOString(), by: user.username, action: `${key} changed` });
      claim[key] = key === 'amount' ? Number(changes[key]) : changes[key];
    }
  }
  claim.updatedAt = new Date().toISOString();
  persist();
  return claim;
}

function addDocument(id, document, user) {
  const claim = claims.get(id);
  if (!claim) return null;
  claim.documents.push(document);
  claim.history.push({ at: new Date().toISOString(), by: user.username, action: `attached ${document.originalName}` });
  claim.updatedAt = new Date().toISOString();
  persist();
  return claim;
}

module.exports = { load, list, get, create, update, addDocument };
