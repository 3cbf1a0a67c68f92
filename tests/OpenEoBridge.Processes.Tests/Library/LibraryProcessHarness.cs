using System.Text.Json;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Library;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Tests.Library;

/// <summary>Calls one predefined process directly with JSON arguments, as a callback node would after validation.</summary>
internal static class LibraryProcessHarness
{
    public static Value Run(string processId, string argumentsJson, ProcessingContext? context = null)
    {
        using var document = JsonDocument.Parse(argumentsJson);
        var arguments = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => ValueJson.FromJson(p.Value), StringComparer.Ordinal);
        return RunWith(processId, arguments, context);
    }

    public static Value RunWith(string processId, Dictionary<string, Value> arguments, ProcessingContext? context = null)
    {
        var process = ProcessCatalogue.Predefined.Find(processId) ?? throw new InvalidOperationException($"'{processId}' is not offered.");
        var call = ProcessCall.FromValues(process, context ?? new ProcessingContext(), arguments);
        return process.InvokeAsync(call).AsTask().GetAwaiter().GetResult();
    }

    public static string RunToJson(string processId, string argumentsJson) =>
        ValueJson.ToJsonString(Run(processId, argumentsJson), NonFiniteNumbers.AsBareTokens);

    public static ArrayValue Labeled(params (object Label, double Value)[] items) => new(
        [.. items.Select(i => (Value)Value.Number(i.Value))],
        [.. items.Select(i => i.Label is string s ? (Value)Value.String(s) : Value.Number(Convert.ToDouble(i.Label, System.Globalization.CultureInfo.InvariantCulture)))]);
}
