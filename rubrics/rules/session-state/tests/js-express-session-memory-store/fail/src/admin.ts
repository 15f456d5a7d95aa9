import expressSession from "express-session";
import { Router } from "express";

export const adminRouter = Router();

// ruleid: js-express-session-memory-store
adminRouter.use(expressSession({ secret: "admin-store-secret", name: "admin.sid", resave: false, saveUninitialized: true }));
