using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using System.Web;

namespace Acme.Billing.Services
{
    public class InvoiceStore
    {
        private readonly string _root = @"D:\data\invoices";

        public void Save(string id, string json)
        {
            // ruleid: csharp-local-file-write
            Directory.CreateDirectory(_root);
            // ruleid: csharp-local-file-write
            File.WriteAllText(Path.Combine(_root, id + ".json"), json, Encoding.UTF8);
        }

        public async Task SavePdfAsync(string id, byte[] pdf)
        {
            // ruleid: csharp-local-file-write
            await File.WriteAllBytesAsync(Path.Combine(_root, id + ".pdf"), pdf);
        }

        public void Audit(string line)
        {
            // ruleid: csharp-local-file-write
            File.AppendAllText("audit.log", line + Environment.NewLine);
        }

        public void ExportCsv(string path, IEnumerable<string> rows)
        {
            // ruleid: csharp-local-file-write
            using (var writer = new StreamWriter(path, append: false))
            {
                foreach (var row in rows)
                {
                    writer.WriteLine(row);
                }
            }
        }

        public void WriteBlob(string path, byte[] data)
        {
            // ruleid: csharp-local-file-write
            using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write))
            {
                stream.Write(data, 0, data.Length);
            }
        }

        public void Archive(string id)
        {
            var archived = Path.Combine(_root, "archive", id + ".json");
            // ruleid: csharp-local-file-write
            File.Move(Path.Combine(_root, id + ".json"), archived);
        }

        public void Upload(HttpPostedFileBase upload)
        {
            // ruleid: csharp-local-file-write
            upload.SaveAs(Path.Combine(_root, Path.GetFileName(upload.FileName)));
        }
    }
}
