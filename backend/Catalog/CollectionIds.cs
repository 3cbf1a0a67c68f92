using System.Text;
using System.Text.RegularExpressions;
using OpenEoBridge.Storage.Locations;

namespace OpenEoBridge.Backend.Catalog;

/// <summary>
/// Collection ids: openEO's pattern <c>^[\w\-\.~/]+$</c> (ASCII word characters, as in the JavaScript regex of the
/// spec) without <c>/</c>, because the id is one path segment of <c>/collections/{collection_id}</c>.
/// </summary>
public static partial class CollectionIds
{
    public static bool IsValid(string? id) => !string.IsNullOrEmpty(id) && IdPattern().IsMatch(id);

    /// <summary>The id a source gets without a configured one: store name without <c>.zarr</c>, then the group's segments, joined by '.'.</summary>
    public static string Derive(StoreLocation location, string? group)
    {
        ArgumentNullException.ThrowIfNull(location);
        var name = StoreName(location);
        if (name.EndsWith(".zarr", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^".zarr".Length];
        }

        var parts = new List<string> { name };
        parts.AddRange((group ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries));
        return Sanitise(string.Join('.', parts.Where(p => p.Length > 0)));
    }

    /// <summary>Replaces every character outside the id pattern with '_' (an empty name becomes "collection").</summary>
    public static string Sanitise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '~' ? c : '_');
        }

        return builder.Length == 0 ? "collection" : builder.ToString();
    }

    private static string StoreName(StoreLocation location)
    {
        var path = location.Kind switch
        {
            StoreKind.FileSystem => location.Path!,
            StoreKind.S3 => location.S3!.ToString(),
            _ => Uri.UnescapeDataString(location.Uri!.AbsolutePath),
        };
        var segments = path.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        return segments.Length == 0 ? string.Empty : segments[^1];
    }

    [GeneratedRegex(@"^[\w\-\.~]+$", RegexOptions.ECMAScript | RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
