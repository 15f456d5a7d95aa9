using DocumentFormat.OpenXml.Packaging;
public class Excel
{
    // Type.GetTypeFromProgID("Excel.Application")
    public Type Kind() => Type.GetType("System.String");
}
