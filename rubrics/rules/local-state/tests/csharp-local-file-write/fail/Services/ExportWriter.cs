using System.IO;

public class ExportWriter
{
    public void Write(string csv)
    {
        var scratch = Path.GetTempPath();
        var folder = @"exports";
        var file = Path.Combine(folder, "prices.csv");
        // ruleid: csharp-local-file-write
        File.WriteAllText(file, csv);
    }
}
