import * as fs from "fs";
// ruleid: file-system-watcher
fs.watch("./inbox", (event, name) => console.log(event, name));
