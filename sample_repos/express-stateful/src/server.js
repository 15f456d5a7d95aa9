'use strict';

const express = require('express');
const session = require('express-session');
const path = require('path');
const config = require('./config');
const logger = require('./logger');
const store = require('./store');
const cache = require('./cache');
const { requireLogin } = require('./middleware/auth');
const authRoutes = require('./routes/auth');
const claimRoutes = require('./routes/claims');
const documentRoutes = require('./routes/documents');
const reportRoutes = require('./routes/reports');

const app = express();

app.disable('x-powered-by');
app.use(express.json({ limit: '1mb' }));
app.use(express.urlencoded({ extended: false }));

app.use(session({
  name: 'claimdesk.sid',
  secret: config.sessionSecret,
  resave: false,
  saveUninitialized: false,
  rolling: true,
  cookie: { httpOnly: true, sameSite: 'lax', maxAge: config.sessionMaxAgeMs },
}));

app.use((req, res, next) => {
  const started = Date.now();
  res.on('finish', () => {
    logger.info('request', {
      method: req.method,
      path: req.originalUrl,
      status: res.statusCode,
      ms: Date.now() - started,
      user: req.session && req.session.user ? req.session.user.username : undefined,
    });
  });
  next();
});

app.use(express.static(path.join(__dirname, '..', 'public')));
app.use('/reports', requireLogin, express.static(config.reportsDir));

app.get('/healthz', (req, res) => res.json({ ok: true }));
app.use('/auth', authRoutes);
app.use('/claims', requireLogin, documentRoutes);
app.use('/claims', requireLogin, claimRoutes);
app.use('/api/reports', requireLogin, reportRoutes);

app.use((req, res) => res.status(404).json({ error: 'not found' }));

// eslint-disable-next-line no-unused-vars
app.use((err, req, res, next) => {
  logger.error('unhandled error', { err, path: req.originalUrl });
  if (err.code === 'LIMIT_FILE_SIZE') {
    return res.status(413).json({ error: 'file too large' });
  }
  res.status(500).json({ error: 'internal error' });
});

store.load();
cache.connect().finally(() => {
  app.listen(3000, () => {
    logger.info(`claimdesk listening on port 3000, public URL ${config.publicUrl}`);
  });
});

module.exports = app;
