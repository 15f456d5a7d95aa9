namespace Acme.Catalog.Api.Options;

/// <summary>Where price lists are written for the ERP pick-up job.</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>Folder for generated price lists, relative to the content root unless absolute.</summary>
    public string Directory { get; set; } = "exports";

    public string Delimiter { get; set; } = ";";
}
