// Node is outside this rule's languages: process.env is not reported here
const port = process.env.PORT || 3000;
const getenv = (name) => process.env[name];
module.exports = { port, dsn: getenv("DATABASE_URL") };
