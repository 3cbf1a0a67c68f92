using System.Text.Json;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Tests.Values;

public sealed class NumberValueTests
{
    [Theory]
    [InlineData("1", true, true)]
    [InlineData("1.0", true, false)]
    [InlineData("1.5", false, false)]
    [InlineData("1e3", true, false)]
    [InlineData("12345678901234567891", true, true)]
    public void Integer_ness_is_judged_on_the_json_text(string raw, bool isInteger, bool isLiteral)
    {
        using var document = JsonDocument.Parse(raw);
        var number = Assert.IsType<NumberValue>(ValueJson.FromJson(document.RootElement));

        Assert.Equal(isInteger, number.IsInteger);
        Assert.Equal(isLiteral, number.IsIntegerLiteral);
        Assert.Equal(raw, ValueJson.ToJsonString(number, NonFiniteNumbers.Reject));
    }

    [Fact]
    public void Strict_json_refuses_non_finite_numbers_and_the_opt_in_writes_bare_tokens()
    {
        var array = new ArrayValue([Value.Number(double.NaN), Value.Number(double.NegativeInfinity), Value.Number(0.1)]);

        Assert.Throws<NotJsonRepresentableException>(() => ValueJson.ToJsonString(array, NonFiniteNumbers.Reject));
        Assert.Equal("[NaN,-Infinity,0.1]", ValueJson.ToJsonString(array, NonFiniteNumbers.AsBareTokens));
    }

    [Fact]
    public void The_non_finite_pre_pass_leaves_strings_and_comments_alone()
    {
        const string text = """{"a":NaN,"b":"NaN Infinity", /* NaN */ "c":[-Infinity,Infinity]}""";
        using var document = JsonDocument.Parse(NonFiniteJson.Rewrite(text), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });

        var value = Assert.IsType<ObjectValue>(ValueJson.FromJson(document.RootElement));

        Assert.True(value.TryGet("a", out var a) && double.IsNaN(((NumberValue)a).Value));
        Assert.True(value.TryGet("b", out var b) && ((StringValue)b).Value == "NaN Infinity");
        Assert.Equal("[-Infinity,Infinity]", value.TryGet("c", out var c) ? c.ToString() : null);
    }
}
