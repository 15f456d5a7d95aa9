'use strict';

const fs = require('fs');
const path = require('path');
const config = require('./config');

const AUDIT_FILE = path.join(config.dataDir, 'audit.log');

/** Append one line per security-relevant event (logins, exports, deletions). */
function audit(event, user, details = {}) {
  const line = JSON.stringify({ at: new Date().toISOString(), event, user: user || null, ...details });
  fs.appendFileSync(AUDIT_FILE, line + '\n');
}

module.exports = { audit };
