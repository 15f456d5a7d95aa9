'use strict';

const bcrypt = require('bcryptjs');

// Desk staff. Password hashes were generated with bcrypt, cost 10.
const USERS = [
  { username: 'amorgan', name: 'Alex Morgan', role: 'handler', hash: '$2a$10$CwTycUXWue0Thq9StjUM0uJ8.xBJ5i6n2Hk0p0mWzBdTCp0nq9a6G' },
  { username: 'bchen', name: 'Bo Chen', role: 'handler', hash: '$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BvTfJ0Tq3ZtXyZ1bJbq7wJc2sP2u' },
  { username: 'dpatel', name: 'Divya Patel', role: 'supervisor', hash: '$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy' },
];

async function authenticate(username, password) {
  const user = USERS.find((u) => u.username === String(username).toLowerCase());
  if (!user) return null;
  const ok = await bcrypt.compare(String(password), user.hash);
  return ok ? { username: user.username, name: user.name, role: user.role } : null;
}

function all() {
  return USERS.map(({ username, name, role }) => ({ username, name, role }));
}

module.exports = { authenticate, all };
