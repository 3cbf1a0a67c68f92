using System.Text.Json;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Graph;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Tests.Graph;

public sealed class ProcessGraphRoundTripTests
{
    private const string Document = """
        {"id":"evi","summary":"x","process_graph":{"a":{"process_id":"add","namespace":null,"arguments":{"x":1,"y":1.0,"big":12345678901234567891,"e":1e400,"list":[1,{"from_node":"b"},{"k":[2.50]}],"cb":{"process_graph":{"n":{"process_id":"absolute","arguments":{"x":{"from_parameter":"x"}},"result":true}},"parameters":[{"name":"x"}]}},"result":true,"x-custom":{"keep":[1,2]}},"b":{"description":"second","arguments":{"s":"ü\"q"},"process_id":"pi"}},"parameters":[],"x-top":true}
        """;

    [Fact]
    public void A_document_serialises_back_unchanged()
    {
        var document = ProcessGraphReader.ParseDocument(Document);

        Assert.Equal(Normalise(Document), ProcessGraphWriter.ToJsonString(document));
    }

    [Fact]
    public void Literals_keep_their_raw_text_and_references_are_recognised()
    {
        var node = ProcessGraphReader.ParseDocument(Document).Graph.FindNode("a")!;

        var x = Assert.IsType<NumberValue>(Assert.IsType<LiteralArgument>(node.FindArgument("x")).Value);
        var y = Assert.IsType<NumberValue>(Assert.IsType<LiteralArgument>(node.FindArgument("y")).Value);
        var big = Assert.IsType<NumberValue>(Assert.IsType<LiteralArgument>(node.FindArgument("big")).Value);
        Assert.True(x.IsIntegerLiteral);
        Assert.False(y.IsIntegerLiteral);
        Assert.True(y.IsInteger);
        Assert.True(big.TryGetInteger(out var exact));
        Assert.Equal(System.Numerics.BigInteger.Parse("12345678901234567891"), exact);
        var list = Assert.IsType<ArrayArgument>(node.FindArgument("list"));
        Assert.IsType<FromNodeArgument>(list.Items[1]);
        var callback = Assert.IsType<ProcessGraphArgument>(node.FindArgument("cb"));
        Assert.Equal("x", Assert.IsType<FromParameterArgument>(callback.Process.Graph.Nodes[0].FindArgument("x")).Name);
        Assert.True(node.NamespaceSpecified);
        Assert.Null(node.Namespace);
        Assert.Equal("x-custom", Assert.Single(node.UnknownKeys).Key);
    }

    [Fact]
    public void NaN_literals_need_the_opt_in_both_ways()
    {
        const string json = """{"process_graph":{"a":{"process_id":"add","arguments":{"x":NaN,"y":-Infinity},"result":true}}}""";

        Assert.Throws<OpenEoException>(() => ProcessGraphReader.ParseDocument(json));
        var document = ProcessGraphReader.ParseDocument(json, NonFiniteNumbers.AsBareTokens);
        Assert.Equal(json, ProcessGraphWriter.ToJsonString(document, NonFiniteNumbers.AsBareTokens));
        Assert.Throws<NotJsonRepresentableException>(() => ProcessGraphWriter.ToJsonString(document, NonFiniteNumbers.Reject));
    }

    [Fact]
    public void Missing_process_graph_and_malformed_nodes_are_refused_with_openeo_codes()
    {
        Assert.Equal("ProcessGraphMissing", Assert.Throws<OpenEoException>(() => ProcessGraphReader.ParseDocument("{}")).Code);
        Assert.Equal("ProcessGraphInvalid", Assert.Throws<OpenEoException>(() => ProcessGraphReader.ParseDocument("""{"process_graph":{"a":{"arguments":{}}}}""")).Code);
        Assert.Equal("ProcessGraphInvalid", Assert.Throws<OpenEoException>(() => ProcessGraphReader.ParseDocument("""{"process_graph":{"a":{"process_id":"x","arguments":[]}}}""")).Code);
        Assert.Equal("ProcessGraphInvalid", Assert.Throws<OpenEoException>(() => ProcessGraphReader.ParseDocument("not json")).Code);
    }

    [Fact]
    public void Complexity_limits_are_hit_before_json_depth_limits()
    {
        var deep = new string('[', 5000) + new string(']', 5000);
        var json = """{"process_graph":{"a":{"process_id":"add","arguments":{"x":""" + deep + """},"result":true}}}""";

        Assert.Equal("ProcessGraphComplexity", Assert.Throws<OpenEoException>(() => ProcessGraphReader.ParseDocument(json)).Code);

        var nested = "{\"process_graph\":{\"n\":{\"process_id\":\"x\",\"arguments\":{}, \"result\":true}}}";
        for (var i = 0; i < 40; i++)
        {
            nested = """{"process_graph":{"n":{"process_id":"apply","arguments":{"process":""" + nested + """},"result":true}}}""";
        }

        Assert.Equal("ProcessGraphComplexity", Assert.Throws<OpenEoException>(() => ProcessGraphReader.ParseDocument(nested)).Code);

        var many = string.Join(",", Enumerable.Range(0, 30).Select(i => $"\"n{i}\":{{\"process_id\":\"pi\",\"arguments\":{{}}}}"));
        var limits = new ComplexityLimits { MaxNodes = 20 };
        Assert.Equal("ProcessGraphComplexity", Assert.Throws<OpenEoException>(() => ProcessGraphReader.ParseDocument($"{{\"process_graph\":{{{many}}}}}", limits: limits)).Code);
    }

    private static string Normalise(string json)
    {
        using var document = JsonDocument.Parse(json.Trim());
        // Compact form with the same escaping rules the writer uses; numbers keep their raw text in both.
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.RootElement.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
