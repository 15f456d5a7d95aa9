using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Acme.Billing.Services
{
    public class PreviewService
    {
        // File.WriteAllText("preview.json", json);
        /*
         * Previews used to be written next to the app:
         * using var writer = new StreamWriter("preview.csv");
         * Directory.CreateDirectory("previews");
         */

        public string RenderToTemp(string json)
        {
            var tempPath = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json");
            File.WriteAllText(tempPath, json);
            File.WriteAllText(Path.GetTempFileName(), json);
            Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "previews"));
            using (var scratch = new FileStream(Path.GetTempFileName(), FileMode.Create))
            {
                scratch.WriteByte(0);
            }
            return tempPath;
        }

        public byte[] RenderCsv(string[] rows)
        {
            using var ms = new MemoryStream();
            using (var writer = new StreamWriter(ms, Encoding.UTF8))
            {
                foreach (var row in rows)
                {
                    writer.WriteLine(row);
                }
            }
            return ms.ToArray();
        }

        public string Load(string path)
        {
            using (var input = new FileStream(path, FileMode.Open, FileAccess.Read))
            using (var reader = new StreamReader(input))
            {
                return reader.ReadToEnd() + File.ReadAllText(path);
            }
        }

        public async Task<byte[]> BufferUpload(IFormFile formFile)
        {
            using var buffer = new MemoryStream();
            await formFile.CopyToAsync(buffer);
            var note = "File.WriteAllText(path, text) is not used any more";
            return buffer.ToArray();
        }
    }
}
