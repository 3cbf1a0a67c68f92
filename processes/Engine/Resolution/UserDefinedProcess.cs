using System.Text.Json;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Graph;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Resolution;

/// <summary>
/// A user-defined process as a <see cref="Process"/>: its definition comes from the stored document; the evaluator
/// compiles and runs its graph when it is called (see <c>Evaluation</c>), with the call's arguments as parameters.
/// </summary>
public sealed class UserDefinedProcess(string id, ProcessDocument document)
    : Process(ProcessDefinition.FromJson(MetadataJson(document), id))
{
    public ProcessDocument Document { get; } = document;

    /// <summary>Set by the evaluator: runs the graph with the given parameters.</summary>
    internal Func<UserDefinedProcess, ProcessCall, ValueTask<Value>>? Runner { get; set; }

    public override ValueTask<Value> InvokeAsync(ProcessCall call) =>
        Runner is { } run ? run(this, call) : throw new InvalidOperationException($"User-defined process '{Id}' was not bound to an evaluator.");

    private static JsonElement MetadataJson(ProcessDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var entry in document.Metadata)
            {
                writer.WritePropertyName(entry.Key);
                entry.Value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        using var parsed = JsonDocument.Parse(stream.ToArray());
        return parsed.RootElement.Clone();
    }
}
