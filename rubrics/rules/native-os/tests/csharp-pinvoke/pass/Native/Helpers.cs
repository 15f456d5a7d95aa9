static class Helpers
{
    // [DllImport("user32.dll")]
    [Obsolete("use X")]
    public static int Add(int a, int b) => a + b;
}
