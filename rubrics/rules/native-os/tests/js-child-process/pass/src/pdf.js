// execSync('wkhtmltopdf in.html out.pdf');
const re = /a+/;
re.exec('aaa');
db.exec('select 1');
