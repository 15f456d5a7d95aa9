const path = require('path');
module.exports = (req, res) => {
  const doc = req.files.document;
  // ruleid: js-upload-saved-locally
  req.files.document.mv(path.join(__dirname, '../../uploads', doc.name));
};
