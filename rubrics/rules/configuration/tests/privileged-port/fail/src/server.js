const express = require('express');
const app = express();
// ruleid: privileged-port
app.listen(80);
