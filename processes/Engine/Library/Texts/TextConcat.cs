using System.Text;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Texts;

/// <summary>
/// <c>text_concat</c>: elements and separator are written as JSON writes scalars (<c>null</c>, <c>true</c>, shortest
/// round-trip numbers, integers without a fraction) so results do not depend on the server's culture.
/// </summary>
public sealed class TextConcat() : Process("text_concat")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var data = call.GetArray("data");
        var separator = Text(call.Get("separator")) ?? throw call.Invalid("separator", "a string, number, boolean or null");
        var builder = new StringBuilder();
        for (var i = 0; i < data.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(separator);
            }

            builder.Append(Text(data[i]) ?? throw call.Invalid("data", $"strings, numbers, booleans or null (element {i} is {data[i].TypeName})"));
        }

        return ValueTask.FromResult<Value>(Value.String(builder.ToString()));
    }

    private static string? Text(Value value) => value switch
    {
        StringValue s => s.Value,
        NoDataValue => "null",
        BooleanValue b => b.Value ? "true" : "false",
        NumberValue n => n.IsIntegerLiteral ? n.ToJsonText() : NumberValue.Format(n.Value),
        _ => null,
    };
}
