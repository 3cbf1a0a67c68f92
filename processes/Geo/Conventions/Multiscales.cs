using System.Text.Json;

namespace OpenEoBridge.Geo.Conventions;

/// <summary>One level of a multiscale pyramid: the child group holding it and how it relates to the full resolution.</summary>
public sealed record MultiscaleLevel(
    string Path,
    string? DerivedFrom,
    IReadOnlyList<double>? Scale,
    AffineTransform? SpatialTransform,
    IReadOnlyList<long>? SpatialShape,
    string? Resampling);

/// <summary>
/// The <c>multiscales</c> group attribute: the zarr-conventions v1 form (<c>{"layout": [{"asset": "0", ...}]}</c>)
/// and the older GeoZarr/OME-style list (<c>[{"datasets": [{"path": "0"}, ...]}]</c>). Data is read from
/// <see cref="FullResolution"/>; the other levels are kept for map tiles.
/// </summary>
public sealed record Multiscales(IReadOnlyList<MultiscaleLevel> Levels, string? Resampling)
{
    /// <summary>Level 0: the one not derived from another, else the first listed.</summary>
    public MultiscaleLevel FullResolution => Levels.FirstOrDefault(l => l.DerivedFrom is null) ?? Levels[0];

    public static Multiscales? FromAttributes(IReadOnlyDictionary<string, JsonElement> groupAttributes)
    {
        if (!groupAttributes.TryGetValue("multiscales", out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Object when value.TryGetProperty("layout", out var layout) => FromLayout(value, layout),
            JsonValueKind.Array when value.GetArrayLength() > 0 => FromDatasets(value[0]),
            _ => throw new FormatException("The 'multiscales' attribute has neither a 'layout' list nor a list of 'datasets'."),
        };
    }

    private static Multiscales FromLayout(JsonElement root, JsonElement layout)
    {
        var levels = layout.EnumerateArray().Select(level =>
        {
            IReadOnlyDictionary<string, JsonElement> attributes = level.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
            var path = attributes.GetString("asset") ?? throw new FormatException("A multiscales layout entry has no 'asset'.");
            IReadOnlyList<double>? scale = level.TryGetProperty("transform", out var t) && t.TryGetProperty("scale", out var s)
                ? s.EnumerateArray().Select(e => e.GetDouble()).ToArray()
                : null;
            var transform = attributes.GetDoubles("spatial:transform") is { } st ? AffineTransform.FromArray(st) : (AffineTransform?)null;
            var shape = attributes.GetDoubles("spatial:shape")?.Select(d => (long)d).ToArray();
            return new MultiscaleLevel(path, attributes.GetString("derived_from"), scale, transform, shape, attributes.GetString("resampling_method"));
        }).ToArray();
        if (levels.Length == 0)
        {
            throw new FormatException("The 'multiscales' layout is empty.");
        }

        var resampling = root.TryGetProperty("resampling_method", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        return new Multiscales(levels, resampling);
    }

    private static Multiscales FromDatasets(JsonElement entry)
    {
        if (!entry.TryGetProperty("datasets", out var datasets) || datasets.GetArrayLength() == 0)
        {
            throw new FormatException("The 'multiscales' entry has no 'datasets'.");
        }

        string? previous = null;
        var levels = new List<MultiscaleLevel>();
        foreach (var dataset in datasets.EnumerateArray())
        {
            var path = dataset.TryGetProperty("path", out var p) ? p.GetString() : null;
            if (string.IsNullOrEmpty(path))
            {
                throw new FormatException("A 'multiscales' dataset has no 'path'.");
            }

            levels.Add(new MultiscaleLevel(path, previous, null, null, null, null));
            previous = path;
        }

        var resampling = entry.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;
        return new Multiscales(levels, resampling);
    }
}
