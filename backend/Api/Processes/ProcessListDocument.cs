using System.Text.Json;
using OpenEoBridge.Processes.Contract;

namespace OpenEoBridge.Backend.Api.Processes;

/// <summary>
/// Writes the <c>GET /processes</c> body: the definitions exactly as stored in <c>openeo-spec/</c> (the single
/// source of process metadata) and the pagination links.
/// </summary>
public static class ProcessListDocument
{
    public static byte[] Write(IEnumerable<ProcessDefinition> processes, IEnumerable<(string Rel, string Href)> links)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("processes");
            foreach (var process in processes)
            {
                process.Json.WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("links");
            foreach (var (rel, href) in links)
            {
                writer.WriteStartObject();
                writer.WriteString("rel", rel);
                writer.WriteString("href", href);
                writer.WriteString("type", "application/json");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
