using System.Text.Json.Nodes;

namespace OpenEoBridge.Backend.Capabilities;

/// <summary>
/// A source of file formats for <c>GET /file_formats</c>. Parts of the back-end that read or write formats
/// register one as a service; the endpoint merges all of them.
/// </summary>
public interface IFileFormatSource
{
    /// <summary>Input formats by GDAL-style name, each a <c>file_format</c> object of the openEO API.</summary>
    IReadOnlyDictionary<string, JsonObject> InputFormats { get; }

    IReadOnlyDictionary<string, JsonObject> OutputFormats { get; }
}
