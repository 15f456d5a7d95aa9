import { app } from "./app";
// ruleid: graceful-shutdown
process.on("SIGTERM", () => app.close());
