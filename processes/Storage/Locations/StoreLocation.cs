using OpenEoBridge.Storage.S3;

namespace OpenEoBridge.Storage.Locations;

/// <summary>
/// Where a store lives, parsed from the forms used in configuration and catalogues: <c>s3://bucket/prefix</c>,
/// <c>http(s)://host/path</c>, <c>file:///abs/path</c>, or a local path (absolute, or relative to the working folder).
/// </summary>
public sealed record StoreLocation
{
    private StoreLocation(StoreKind kind, string? path, S3Location? s3, Uri? uri)
    {
        Kind = kind;
        Path = path;
        S3 = s3;
        Uri = uri;
    }

    public StoreKind Kind { get; }

    /// <summary>The absolute folder of a <see cref="StoreKind.FileSystem"/> location.</summary>
    public string? Path { get; }

    /// <summary>The bucket and prefix of an <see cref="StoreKind.S3"/> location.</summary>
    public S3Location? S3 { get; }

    /// <summary>The base URL of an <see cref="StoreKind.Http"/> location.</summary>
    public Uri? Uri { get; }

    public static StoreLocation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        if (value.Length == 0)
        {
            throw new FormatException("A store location is empty: expected s3://bucket/prefix, http(s)://..., file:///path or a local path.");
        }

        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return new StoreLocation(StoreKind.FileSystem, System.IO.Path.GetFullPath(value), null, null);
        }

        var scheme = value[..schemeEnd].ToLowerInvariant();
        switch (scheme)
        {
            case "s3":
                return new StoreLocation(StoreKind.S3, null, S3Location.Parse(value), null);
            case "http" or "https":
                if (!Uri.TryCreate(value, UriKind.Absolute, out var http) || string.IsNullOrEmpty(http.Host))
                {
                    throw new FormatException($"'{text}' is not a valid HTTP(S) URL.");
                }

                if (!string.IsNullOrEmpty(http.UserInfo))
                {
                    throw new FormatException($"'{http.GetLeftPart(UriPartial.Scheme)}{http.Host}/...' carries credentials in the URL; HTTP stores take none there.");
                }

                return new StoreLocation(StoreKind.Http, null, null, http);
            case "file":
                if (!Uri.TryCreate(value, UriKind.Absolute, out var file) || !file.IsFile || file.Host is not ("" or "localhost"))
                {
                    throw new FormatException($"'{text}' is not a local file URL (file:///absolute/path).");
                }

                return new StoreLocation(StoreKind.FileSystem, System.IO.Path.GetFullPath(file.LocalPath), null, null);
            default:
                throw new FormatException($"'{text}' uses the unsupported scheme '{scheme}'; store locations are s3://, http://, https://, file:// or local paths.");
        }
    }

    public override string ToString() => Kind switch
    {
        StoreKind.FileSystem => new Uri(Path!).AbsoluteUri,
        StoreKind.S3 => S3!.ToString(),
        _ => Uri!.GetLeftPart(UriPartial.Path),
    };
}
