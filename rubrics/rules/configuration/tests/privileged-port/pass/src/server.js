const app = require('express')();
// app.listen(80);
app.listen(process.env.PORT || 8080);
app.listen(3000, () => console.log('up'));
const url = "http://localhost:8080";
retry.run(5);
