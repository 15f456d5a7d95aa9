const fs = require("fs");
const os = require("os");
const path = require("path");
const multer = require("multer");

// fs.writeFileSync("report.json", data);
/*
  fs.mkdirSync("uploads", { recursive: true });
  const upload = multer({ dest: "uploads/" });
*/

const upload = multer({ storage: multer.memoryStorage() });
const scratchUpload = multer({ dest: path.join(os.tmpdir(), "uploads") });

function renderScratch(data) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "render-"));
  fs.writeFileSync(path.join(os.tmpdir(), "render.json"), data);
  const tmpFile = path.join(dir, "page.html");
  fs.writeFileSync(tmpFile, data);
  return fs.readFileSync(tmpFile, "utf8");
}

// look-alike: writeFile on an object that is not the fs module
class ReportStore {
  constructor(bucket) {
    this.bucket = bucket;
  }

  async save(name, data) {
    await this.bucket.writeFile(name, data);
    return storage.writeFile(name, data);
  }
}

const storage = { writeFile: async () => undefined };

module.exports = { upload, scratchUpload, renderScratch, ReportStore };
