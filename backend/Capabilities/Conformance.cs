namespace OpenEoBridge.Backend.Capabilities;

/// <summary>Conformance classes, shared by <c>GET /</c> and <c>GET /conformance</c> so the two cannot differ.</summary>
public sealed class Conformance
{
    private readonly List<string> classes = ["https://api.openeo.org/1.2.0"];

    public IReadOnlyList<string> Classes => classes;

    /// <summary>Parts of the back-end that implement an extension (e.g. STAC API collections) add its URI at start-up.</summary>
    public void Add(string conformanceClass)
    {
        if (!classes.Contains(conformanceClass, StringComparer.Ordinal))
        {
            classes.Add(conformanceClass);
        }
    }
}
