namespace OpenEoBridge.Storage.S3;

/// <summary>A bucket and key prefix, written as <c>s3://bucket/prefix</c>.</summary>
public sealed record S3Location(string Bucket, string Prefix)
{
    /// <summary>Parses <c>s3://bucket</c> or <c>s3://bucket/some/prefix</c>.</summary>
    public static S3Location Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        const string scheme = "s3://";
        if (!uri.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"'{uri}' is not an S3 location: expected s3://bucket/prefix.");
        }

        var rest = uri[scheme.Length..];
        var slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? "" : rest[(slash + 1)..].Trim('/');
        try
        {
            ValidateBucket(bucket);
            if (prefix.Length > 0)
            {
                StoreKey.Validate(prefix);
            }
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"'{uri}' is not a valid S3 location: {e.Message}", e);
        }

        return new S3Location(bucket, prefix);
    }

    /// <summary>Checks the S3 bucket naming rules that matter for building URLs (3–63 of a-z, 0-9, '.', '-', '_').</summary>
    public static void ValidateBucket(string bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        if (bucket.Length is < 3 or > 63 || !bucket.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or '_'))
        {
            throw new ArgumentException($"'{bucket}' is not a valid bucket name (3 to 63 characters of a-z, 0-9, '.', '-', '_').", nameof(bucket));
        }
    }

    public override string ToString() => Prefix.Length == 0 ? $"s3://{Bucket}/" : $"s3://{Bucket}/{Prefix}/";
}
