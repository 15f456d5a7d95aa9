using System.Diagnostics;
public class Reports
{
    public void Print(string file)
    {
        // ruleid: csharp-process-start
        var info = new ProcessStartInfo("cmd.exe", "/c print " + file);
        // ruleid: csharp-process-start
        Process.Start(info);
    }
}
