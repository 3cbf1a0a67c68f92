using System.Text.Json;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Validation;

/// <summary>
/// openEO's <c>dimensions</c> schema keyword on data cube schemas, e.g. <c>[{"type":"spatial","axis":["x","y"]},
/// {"type":"temporal"}]</c>: the cube must have a dimension of each listed type, and for a listed <c>axis</c> one
/// per axis. Cube dimensions exist only at run time, so this is checked when a cube is bound to a parameter.
/// A vector requirement's <c>geometry_type</c> is not checked: <see cref="CubeDimension"/> does not carry geometry types.
/// </summary>
internal static class DimensionRequirements
{
    /// <summary>Null when the cube has what <paramref name="requirements"/> lists (or cannot tell), else the reason.</summary>
    public static string? Mismatch(JsonElement requirements, ExternalValue cube)
    {
        if (requirements.ValueKind != JsonValueKind.Array || cube.Dimensions is not { } dimensions)
        {
            return null;
        }

        var missing = new List<string>();
        foreach (var requirement in requirements.EnumerateArray())
        {
            if (requirement.ValueKind != JsonValueKind.Object
                || !requirement.TryGetProperty("type", out var typeElement) || typeElement.GetString() is not { } type)
            {
                continue;
            }

            var axes = requirement.TryGetProperty("axis", out var axis) ? Axes(axis) : [];
            if (axes.Count == 0)
            {
                if (!dimensions.Any(d => d.Type == type))
                {
                    missing.Add($"a {type} dimension");
                }

                continue;
            }

            foreach (var name in axes)
            {
                if (!dimensions.Any(d => d.Type == type && d.Axis == name))
                {
                    missing.Add($"a {type} dimension for the axis {name}");
                }
            }
        }

        if (missing.Count == 0)
        {
            return null;
        }

        var present = dimensions.Count == 0 ? "none" : string.Join(", ", dimensions);
        return $"expected a {cube.Subtype} with {string.Join(" and ", missing)}, got dimensions: {present}";
    }

    private static List<string> Axes(JsonElement axis) => axis.ValueKind switch
    {
        JsonValueKind.String => [axis.GetString()!],
        JsonValueKind.Array => [.. axis.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!)],
        _ => [],
    };
}
