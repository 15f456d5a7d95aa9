// ruleid: desktop-ui-toolkit
import { app, BrowserWindow } from "electron";
