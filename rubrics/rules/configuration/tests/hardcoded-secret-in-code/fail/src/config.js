module.exports = {
  // ruleid: hardcoded-secret-in-code
  sessionSecret: 'keyboard-cat-7731',
  // ruleid: hardcoded-secret-in-code
  aws: 'AKIAIOSFODNN7EXAMPLE',
};
