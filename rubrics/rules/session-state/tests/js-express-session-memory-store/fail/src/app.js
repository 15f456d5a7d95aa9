const express = require("express");
const session = require("express-session");

const app = express();

app.use(
  // ruleid: js-express-session-memory-store
  session({
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    cookie: { maxAge: 3600000 },
  })
);

app.get("/", (req, res) => {
  req.session.views = (req.session.views || 0) + 1;
  res.send(`views: ${req.session.views}`);
});

module.exports = app;
