'use strict';

function requireLogin(req, res, next) {
  if (req.session && req.session.user) {
    return next();
  }
  if (req.accepts(['json', 'html']) === 'json') {
    return res.status(401).json({ error: 'login required' });
  }
  req.session.returnTo = req.originalUrl;
  return res.redirect('/login.html');
}

function requireRole(role) {
  return (req, res, next) => {
    if (req.session.user && req.session.user.role === role) return next();
    return res.status(403).json({ error: `${role} role required` });
  };
}

module.exports = { requireLogin, requireRole };
