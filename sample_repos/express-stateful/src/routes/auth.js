'use strict';

const express = require('express');
const users = require('../users');
const cache = require('../cache');
const logger = require('../logger');
const config = require('../config');
const { audit } = require('../audit');

const router = express.Router();

router.post('/login', async (req, res, next) => {
  const { username, password } = req.body || {};
  try {
    const allowed = await cache.underLimit(`login:${req.ip}`, config.loginAttemptsPerHour, 3600);
    if (!allowed) {
      return res.status(429).json({ error: 'too many login attempts, try again later' });
    }
    const user = await users.authenticate(username, password);
    if (!user) {
      audit('login_failed', username, { ip: req.ip });
      return res.status(401).json({ error: 'invalid username or password' });
    }
    const returnTo = req.session.returnTo;
    // New session id on login to prevent fixation.
    req.session.regenerate((err) => {
      if (err) return next(err);
      req.session.user = user;
      req.session.loggedInAt = Date.now();
      audit('login', user.username, { ip: req.ip });
      logger.info('user logged in', { user: user.username });
      res.json({ user, returnTo: returnTo || '/' });
    });
  } catch (err) {
    next(err);
  }
});

router.post('/logout', (req, res, next) => {
  const username = req.session.user && req.session.user.username;
  req.session.destroy((err) => {
    if (err) return next(err);
    audit('logout', username);
    res.clearCookie('claimdesk.sid');
    res.status(204).end();
  });
});

router.get('/me', (req, res) => {
  if (!req.session.user) return res.status(401).json({ error: 'not logged in' });
  res.json({ user: req.session.user, recentClaims: req.session.recentClaims || [] });
});

module.exports = router;
