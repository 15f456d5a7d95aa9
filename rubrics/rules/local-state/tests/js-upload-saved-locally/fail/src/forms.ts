import formidable from "formidable";
// ruleid: js-upload-saved-locally
const form = formidable({ uploadDir: "./uploads", keepExtensions: true });
