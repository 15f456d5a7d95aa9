const port = Number(process.env.PORT ?? 3000);

// ruleid: hardcoded-localhost-url
export const apiBase = "http://127.0.0.1:4000/v1";
// ruleid: hardcoded-localhost-url
export const healthUrl = `http://localhost:${port}/health`;
