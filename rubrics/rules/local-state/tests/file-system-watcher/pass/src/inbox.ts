// fs.watch("./inbox", cb)
import * as fs from "fs";
const names = fs.readdirSync("./inbox");
