import { exec } from "node:child_process";
// ruleid: js-child-process
exec("zip -r out.zip reports");
