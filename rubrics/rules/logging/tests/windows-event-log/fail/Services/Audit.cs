using System.Diagnostics;
public class Audit
{
    public void Write(string message)
    {
        // ruleid: windows-event-log
        EventLog.WriteEntry("Storefront", message, EventLogEntryType.Information);
    }
}
