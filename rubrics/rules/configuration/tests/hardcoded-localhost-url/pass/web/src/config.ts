// export const apiBase = "http://127.0.0.1:4000/v1";
/* const dev = "http://localhost:3000"; */
export const apiBase = process.env.API_BASE ?? "https://api.example.com/v1";
export const listenHost = "0.0.0.0";
