using System.Text;
using System.Text.Json.Nodes;

namespace OpenEoBridge.Zarr.Chunks;

/// <summary>
/// How chunk grid coordinates become store keys: v3 <c>default</c> (<c>c/1/2</c>, 0-d <c>c</c>) or
/// <c>v2</c> (<c>1.2</c>, 0-d <c>0</c>), each with separator <c>/</c> or <c>.</c>.
/// </summary>
public sealed record ChunkKeyEncoding(bool IsDefault, char Separator)
{
    public static ChunkKeyEncoding Default { get; } = new(true, '/');

    public static ChunkKeyEncoding V2Dot { get; } = new(false, '.');

    public string Encode(ReadOnlySpan<long> coords)
    {
        if (coords.Length == 0)
        {
            return IsDefault ? "c" : "0";
        }

        var sb = new StringBuilder(IsDefault ? "c" : "");
        for (var i = 0; i < coords.Length; i++)
        {
            if (IsDefault || i > 0)
            {
                sb.Append(Separator);
            }

            sb.Append(coords[i]);
        }

        return sb.ToString();
    }

    public static ChunkKeyEncoding ParseV3(JsonNode? node, string path)
    {
        if (node is null)
        {
            return Default;
        }

        var (name, config) = Metadata.JsonHelpers.ExtensionName(node, path, "chunk_key_encoding");
        var sepText = config?["separator"]?.GetValue<string>();
        var isDefault = name switch
        {
            "default" => true,
            "v2" => false,
            _ => throw new ZarrUnsupportedException($"Unknown chunk_key_encoding '{name}' at '{path}'"),
        };
        var sep = sepText switch
        {
            null => isDefault ? '/' : '.',
            "/" => '/',
            "." => '.',
            _ => throw new ZarrMetadataException(path, $"chunk_key_encoding separator must be '/' or '.', got '{sepText}'"),
        };
        return new ChunkKeyEncoding(isDefault, sep);
    }

    public JsonObject ToV3() => new()
    {
        ["name"] = IsDefault ? "default" : "v2",
        ["configuration"] = new JsonObject { ["separator"] = Separator.ToString() },
    };
}
