using System.Globalization;
using System.Text;
using OpenEoBridge.Storage;

namespace OpenEoBridge.Geo.Demo;

/// <summary>
/// Rewrites a store's metadata JSON so it is plain ASCII (non-ASCII characters as <c>\uXXXX</c> escapes).
/// zarr-python 2 (and so xarray on Debian) decodes <c>.zmetadata</c>/<c>.zattrs</c> as ASCII and fails on the
/// raw UTF-8 our Zarr writer emits, e.g. the "18°W" in PROJ's WKT area of use. Outside strings JSON is ASCII
/// anyway, so escaping every non-ASCII UTF-16 unit is always valid JSON with the same meaning.
/// </summary>
internal static class AsciiMetadata
{
    private static readonly string[] MetadataNames = [".zmetadata", ".zattrs", ".zarray", ".zgroup", "zarr.json"];

    public static async Task EscapeAsync(IStore store, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var key in store.ListAsync(string.Empty, cancellationToken).ConfigureAwait(false))
        {
            if (MetadataNames.Contains(key[(key.LastIndexOf('/') + 1)..], StringComparer.Ordinal))
            {
                keys.Add(key);
            }
        }

        foreach (var key in keys)
        {
            var bytes = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (bytes is not null && bytes.Any(b => b >= 0x80))
            {
                await store.SetAsync(key, Encoding.ASCII.GetBytes(Escape(Encoding.UTF8.GetString(bytes))), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public static string Escape(string json)
    {
        var builder = new StringBuilder(json.Length + 16);
        foreach (var c in json)
        {
            if (c < 0x80)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
