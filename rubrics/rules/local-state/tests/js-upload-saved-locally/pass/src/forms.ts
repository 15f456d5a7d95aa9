import formidable from "formidable";
import os from "os";
const form = formidable({ uploadDir: os.tmpdir() });
