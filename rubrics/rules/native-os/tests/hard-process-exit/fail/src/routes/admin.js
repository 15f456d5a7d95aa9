module.exports = (req, res) => {
  // ruleid: hard-process-exit
  process.exit(0);
};
