// process.on("SIGTERM", () => app.close());
process.on("uncaughtException", (err) => console.error(err));
