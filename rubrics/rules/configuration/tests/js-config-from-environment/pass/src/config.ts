// const port = process.env.PORT;
export const config = { port: 8080, env: "process.env.NODE_ENV" };
const myprocess = { env: {} };
