// ruleid: file-uri-reference
export const keys = "file:/etc/shop/keys.json";
