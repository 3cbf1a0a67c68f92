namespace OpenEoBridge.Geo.Crs;

/// <summary>A coordinate reference system could not be read, identified or used for a transformation.</summary>
public sealed class CrsException : Exception
{
    public CrsException(string message)
        : base(message)
    {
    }

    public CrsException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
