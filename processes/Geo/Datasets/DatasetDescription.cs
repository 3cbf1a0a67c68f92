using OpenEoBridge.Geo.Conventions;
using OpenEoBridge.Geo.Crs;
using OpenEoBridge.Geo.Time;

namespace OpenEoBridge.Geo.Datasets;

/// <summary>
/// A Zarr group described as a data cube: the layout (dimensions, bands, CRS), the decoded x/y axes and time
/// labels, and the extents a collection advertises.
/// </summary>
public sealed record DatasetDescription(
    string DataGroupPath,
    DatasetLayout Layout,
    AxisExtent X,
    AxisExtent Y,
    IReadOnlyList<CalendarDateTime>? TimeLabels,
    BoundingBox NativeBounds,
    BoundingBox? Wgs84Bounds,
    Multiscales? Multiscales)
{
    /// <summary>The calendar of the time axis, when there is one.</summary>
    public CfCalendar? Calendar => TimeLabels is { Count: > 0 } labels ? labels[0].Calendar : null;

    /// <summary>First and last time label (labels are sorted on a valid cube axis).</summary>
    public (CalendarDateTime First, CalendarDateTime Last)? TimeExtent =>
        TimeLabels is { Count: > 0 } labels ? (labels.Min(), labels.Max()) : null;
}
