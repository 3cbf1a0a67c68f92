namespace OpenEoBridge.Geo.Crs;

/// <summary>What kind of CRS a definition describes (from its PROJJSON <c>type</c>).</summary>
public enum CrsKind
{
    Geographic,
    Projected,
    Geocentric,
    Compound,

    /// <summary>A CRS with a transformation to WGS 84 attached (WKT1 TOWGS84); its source CRS decides the axes.</summary>
    Bound,
    Other,
}
