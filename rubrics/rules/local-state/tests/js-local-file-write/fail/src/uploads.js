const fs = require("fs");
const path = require("path");
const multer = require("multer");

const UPLOAD_DIR = path.join(__dirname, "..", "uploads");

// ruleid: js-local-file-write
const upload = multer({ dest: "uploads/" });

// ruleid: js-local-file-write
const storage = multer.diskStorage({
  destination: (req, file, cb) => cb(null, UPLOAD_DIR),
  filename: (req, file, cb) => cb(null, `${Date.now()}-${file.originalname}`),
});

function saveReport(name, data) {
  // ruleid: js-local-file-write
  fs.mkdirSync(UPLOAD_DIR, { recursive: true });
  // ruleid: js-local-file-write
  fs.writeFileSync(path.join(UPLOAD_DIR, name), JSON.stringify(data));
}

function auditLog(line) {
  // ruleid: js-local-file-write
  fs.appendFile("audit.log", line + "\n", (err) => {
    if (err) console.error(err);
  });
}

function exportStream(name) {
  // ruleid: js-local-file-write
  return fs.createWriteStream(path.join(UPLOAD_DIR, name));
}

module.exports = { upload, storage, saveReport, auditLog, exportStream };
