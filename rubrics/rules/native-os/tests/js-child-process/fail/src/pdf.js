const { execSync } = require('child_process');
const child_process = require('child_process');
// ruleid: js-child-process
execSync('wkhtmltopdf in.html out.pdf');
// ruleid: js-child-process
child_process.spawn('convert', ['a.png', 'a.jpg']);
