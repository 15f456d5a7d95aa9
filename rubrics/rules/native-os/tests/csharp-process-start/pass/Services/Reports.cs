public class Reports
{
    // Process.Start("cmd.exe");
    public void Print(Printer printer, string file) => printer.Start(file);
}
