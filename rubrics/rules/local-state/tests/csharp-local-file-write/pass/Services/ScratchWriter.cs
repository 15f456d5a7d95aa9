using System.IO;

public class ScratchWriter
{
    public string Write(string csv)
    {
        var scratch = Path.GetTempPath();
        var file = Path.Combine(scratch, "prices.csv");
        File.WriteAllText(file, csv);
        return file;
    }
}
