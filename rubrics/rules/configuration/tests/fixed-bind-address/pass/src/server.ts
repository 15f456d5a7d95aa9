import express from "express";
const app = express();
app.listen(Number(process.env.PORT ?? 3000), "0.0.0.0");
fetch("http://localhost:3000/health");
