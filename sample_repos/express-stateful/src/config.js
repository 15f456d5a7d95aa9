'use strict';

const path = require('path');

const ROOT = path.resolve(__dirname, '..');

module.exports = {
  // Public address used in links inside e-mails and generated reports.
  publicUrl: 'http://localhost:3000',

  // Redis holds the lookup cache for policy numbers and the login rate limiter.
  redisUrl: 'redis://localhost:6379',

  sessionSecret: 'claimdesk-session-secret-2021',
  sessionMaxAgeMs: 8 * 60 * 60 * 1000,

  dataDir: path.join(ROOT, 'data'),
  uploadDir: path.join(ROOT, 'uploads'),
  reportsDir: path.join(ROOT, 'reports'),
  logDir: path.join(ROOT, 'logs'),

  maxUploadBytes: 15 * 1024 * 1024,
  allowedDocumentTypes: ['application/pdf', 'image/jpeg', 'image/png'],
  loginAttemptsPerHour: 10,
};
