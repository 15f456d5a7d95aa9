using System.Runtime.InteropServices;
static class User32
{
    // ruleid: csharp-pinvoke
    [DllImport("user32.dll")]
    public static extern int MessageBox(IntPtr h, string text, string caption, uint type);
}
