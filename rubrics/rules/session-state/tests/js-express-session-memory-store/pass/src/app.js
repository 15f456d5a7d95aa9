const express = require("express");
const session = require("express-session");
const cookieSession = require("cookie-session");
const RedisStore = require("connect-redis").default;
const { createClient } = require("redis");

const redisClient = createClient({ url: process.env.REDIS_URL });
redisClient.connect().catch(console.error);

const app = express();

// app.use(session({ secret: "keyboard cat" }));
/*
  app.use(session({ secret: "keyboard cat", resave: false }));
*/

app.use(
  session({
    store: new RedisStore({ client: redisClient }),
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
  })
);

const store = new RedisStore({ client: redisClient, prefix: "admin:" });
const secret = process.env.ADMIN_SECRET;
app.use("/admin", session({ secret, store, name: "admin.sid" }));

// cookie-session keeps the state in the cookie itself
app.use("/public", cookieSession({ name: "prefs", keys: [process.env.COOKIE_KEY] }));

module.exports = app;
