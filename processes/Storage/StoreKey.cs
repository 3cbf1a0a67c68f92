namespace OpenEoBridge.Storage;

/// <summary>Validation of store keys: keys come from untrusted metadata and requests.</summary>
public static class StoreKey
{
    /// <summary>Throws <see cref="InvalidStoreKeyException"/> if <paramref name="key"/> could escape the store root.</summary>
    public static string Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0 || key[0] == '/' || key.Contains('\\') || key.Contains('\0'))
        {
            throw new InvalidStoreKeyException(key);
        }

        foreach (var segment in key.Split('/'))
        {
            if (segment is "" or "." or "..")
            {
                throw new InvalidStoreKeyException(key);
            }
        }

        return key;
    }

    /// <summary>Joins a prefix and a key with exactly one separator.</summary>
    public static string Join(string prefix, string key) =>
        prefix.Length == 0 ? key : key.Length == 0 ? prefix.TrimEnd('/') : prefix.TrimEnd('/') + "/" + key.TrimStart('/');
}
