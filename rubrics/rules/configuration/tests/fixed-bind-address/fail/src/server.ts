import express from "express";
const app = express();
// ruleid: fixed-bind-address
app.listen(3000, "localhost");
