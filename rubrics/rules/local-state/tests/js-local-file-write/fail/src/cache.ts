import { mkdir, writeFile } from "fs/promises";
import { promises as fsp } from "node:fs";

export async function persist(key: string, value: unknown): Promise<void> {
  // ruleid: js-local-file-write
  await mkdir("cache", { recursive: true });
  // ruleid: js-local-file-write
  await writeFile(`cache/${key}.json`, JSON.stringify(value));
  // ruleid: js-local-file-write
  await fsp.appendFile("cache/index.log", `${key}\n`);
}
