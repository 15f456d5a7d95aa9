// writeFile here is the blob client's, not the one from "fs"
import { writeFile } from "./blob-client";

export async function publish(name: string, body: string): Promise<void> {
  await writeFile(name, body);
}
