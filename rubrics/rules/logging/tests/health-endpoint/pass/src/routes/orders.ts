// app.get("/healthz", handler)
export const path = "/orders";
export const doc = "GET /health returns ok";
