const fs = require('fs');
const os = require('os');
const path = require('path');

function render(html) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'render-'));
  const page = path.join(scratch, 'page.html');
  fs.writeFileSync(page, html);
  return page;
}
module.exports = { render };
