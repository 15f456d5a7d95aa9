public class Licence
{
    // Registry.LocalMachine.OpenSubKey("x")
    public string Key(IConfiguration config) => config["Licence"];
    public void Add(ServiceRegistry registry) => registry.Register("x");
}
