namespace OpenEoBridge.Geo.Conventions;

/// <summary>What a dimension means for an openEO data cube.</summary>
public enum DimensionRole
{
    X,
    Y,
    Time,
    Band,
    Other,
}
