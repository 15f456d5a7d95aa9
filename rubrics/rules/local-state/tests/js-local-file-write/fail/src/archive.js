const fs = require('fs');
const path = require('path');

function archive(html) {
  const folder = path.join(__dirname, 'archive');
  const page = path.join(folder, 'page.html');
  // ruleid: js-local-file-write
  fs.writeFileSync(page, html);
}
module.exports = { archive };
