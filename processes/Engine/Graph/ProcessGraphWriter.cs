using System.Text;
using System.Text.Json;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Graph;

/// <summary>
/// Writes the model back to JSON: same keys in the same order, numbers with their original text, unknown keys as
/// read. Only whitespace and string escaping may differ from the input.
/// </summary>
public static class ProcessGraphWriter
{
    public static string ToJsonString(ProcessDocument document, NonFiniteNumbers nonFinite = NonFiniteNumbers.Reject)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteDocument(writer, document, nonFinite);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void WriteDocument(Utf8JsonWriter writer, ProcessDocument document, NonFiniteNumbers nonFinite)
    {
        writer.WriteStartObject();
        for (var i = 0; i <= document.Metadata.Length; i++)
        {
            if (i == document.GraphKeyIndex)
            {
                writer.WritePropertyName("process_graph");
                WriteGraph(writer, document.Graph, nonFinite);
            }

            if (i < document.Metadata.Length)
            {
                writer.WritePropertyName(document.Metadata[i].Key);
                document.Metadata[i].Value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    public static void WriteGraph(Utf8JsonWriter writer, ProcessGraph graph, NonFiniteNumbers nonFinite)
    {
        writer.WriteStartObject();
        foreach (var node in graph.Nodes)
        {
            writer.WritePropertyName(node.Id);
            WriteNode(writer, node, nonFinite);
        }

        writer.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter writer, ProcessNode node, NonFiniteNumbers nonFinite)
    {
        writer.WriteStartObject();
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in node.KeyOrder)
        {
            if (written.Add(key))
            {
                WriteKey(writer, node, key, nonFinite);
            }
        }

        foreach (var key in new[] { "process_id", "namespace", "description", "arguments", "result" })
        {
            if (!written.Contains(key) && IsPresent(node, key))
            {
                written.Add(key);
                WriteKey(writer, node, key, nonFinite);
            }
        }

        foreach (var unknown in node.UnknownKeys)
        {
            if (written.Add(unknown.Key))
            {
                writer.WritePropertyName(unknown.Key);
                unknown.Value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static bool IsPresent(ProcessNode node, string key) => key switch
    {
        "process_id" or "arguments" => true,
        "namespace" => node.NamespaceSpecified || node.Namespace is not null,
        "description" => node.DescriptionSpecified || node.Description is not null,
        "result" => node.ResultSpecified || node.IsResult,
        _ => false,
    };

    private static void WriteKey(Utf8JsonWriter writer, ProcessNode node, string key, NonFiniteNumbers nonFinite)
    {
        switch (key)
        {
            case "process_id":
                writer.WriteString(key, node.ProcessId);
                break;
            case "namespace":
                WriteNullableString(writer, key, node.Namespace);
                break;
            case "description":
                WriteNullableString(writer, key, node.Description);
                break;
            case "result":
                writer.WriteBoolean(key, node.IsResult);
                break;
            case "arguments":
                writer.WritePropertyName(key);
                writer.WriteStartObject();
                foreach (var argument in node.Arguments)
                {
                    writer.WritePropertyName(argument.Key);
                    WriteArgument(writer, argument.Value, nonFinite);
                }

                writer.WriteEndObject();
                break;
            default:
                foreach (var unknown in node.UnknownKeys)
                {
                    if (unknown.Key == key)
                    {
                        writer.WritePropertyName(key);
                        unknown.Value.WriteTo(writer);
                        return;
                    }
                }

                break;
        }
    }

    private static void WriteNullableString(Utf8JsonWriter writer, string key, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(key);
        }
        else
        {
            writer.WriteString(key, value);
        }
    }

    public static void WriteArgument(Utf8JsonWriter writer, Argument argument, NonFiniteNumbers nonFinite)
    {
        switch (argument)
        {
            case LiteralArgument literal:
                ValueJson.Write(writer, literal.Value, nonFinite);
                break;
            case FromNodeArgument fromNode:
                writer.WriteStartObject();
                writer.WriteString("from_node", fromNode.NodeId);
                writer.WriteEndObject();
                break;
            case FromParameterArgument fromParameter:
                writer.WriteStartObject();
                writer.WriteString("from_parameter", fromParameter.Name);
                writer.WriteEndObject();
                break;
            case ProcessGraphArgument child:
                WriteDocument(writer, child.Process, nonFinite);
                break;
            case ArrayArgument array:
                writer.WriteStartArray();
                foreach (var item in array.Items)
                {
                    WriteArgument(writer, item, nonFinite);
                }

                writer.WriteEndArray();
                break;
            case ObjectArgument obj:
                writer.WriteStartObject();
                foreach (var property in obj.Properties)
                {
                    writer.WritePropertyName(property.Key);
                    WriteArgument(writer, property.Value, nonFinite);
                }

                writer.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException($"Unknown argument type {argument.GetType().Name}.");
        }
    }
}
