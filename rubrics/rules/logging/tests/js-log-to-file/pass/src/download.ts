// The browser File API: a look-alike constructor, not a log transport
export function toFile(csv: string): File {
  return new File([csv], "report.csv", { type: "text/csv" });
}
