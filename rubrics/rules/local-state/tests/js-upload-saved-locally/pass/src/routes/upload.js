const os = require('os');
const path = require('path');
module.exports = (req, res) => {
  // req.files.document.mv('./uploads/' + name)
  const spool = os.tmpdir();
  req.files.document.mv(path.join(spool, 'x'));
  store.mv('a', 'b');
};
