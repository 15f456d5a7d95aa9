// ruleid: csharp-com-interop
using Microsoft.Office.Interop.Excel;
public class Excel
{
    public object Open()
    {
        // ruleid: csharp-com-interop
        var type = Type.GetTypeFromProgID("Excel.Application");
        return Activator.CreateInstance(type);
    }
}
