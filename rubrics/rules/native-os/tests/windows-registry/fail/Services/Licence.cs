using Microsoft.Win32;
public class Licence
{
    public string Key()
    {
        // ruleid: windows-registry
        using var key = Registry.LocalMachine.OpenSubKey(@"SOFTWARE\Acme\Storefront");
        // ruleid: windows-registry
        return (string)Registry.GetValue(@"HKEY_LOCAL_MACHINE\SOFTWARE\Acme", "Licence", "");
    }
}
