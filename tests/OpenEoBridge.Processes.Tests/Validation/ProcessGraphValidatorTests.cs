using System.Text.Json;
using OpenEoBridge.Processes.Library;
using OpenEoBridge.Processes.Resolution;
using OpenEoBridge.Processes.Validation;

namespace OpenEoBridge.Processes.Tests.Validation;

public sealed class ProcessGraphValidatorTests
{
    private static readonly ProcessGraphValidator Validator = new(new ProcessResolver(ProcessCatalogue.Predefined, NoUserProcesses.Instance));

    private static async Task<IReadOnlyList<ValidationError>> ValidateAsync(string json)
    {
        using var document = JsonDocument.Parse(json);
        return await Validator.ValidateAsync(document.RootElement, userId: null, CancellationToken.None);
    }

    [Fact]
    public async Task An_empty_body_is_one_ProcessGraphMissing_error()
    {
        var error = Assert.Single(await ValidateAsync("{}"));

        Assert.Equal("ProcessGraphMissing", error.Code);
    }

    [Fact]
    public async Task A_valid_graph_with_unresolvable_parameters_has_no_errors()
    {
        var errors = await ValidateAsync("""
            {"process_graph":{
              "a":{"process_id":"add","arguments":{"x":{"from_parameter":"not_known_until_run_time"},"y":1.0}},
              "e":{"process_id":"array_element","arguments":{"data":[1,2],"index":1.0}},
              "c":{"process_id":"count","arguments":{"data":[1],"condition":{"process_graph":{"g":{"process_id":"gt","arguments":{"x":{"from_parameter":"x"},"y":{"from_node":"ignored"}},"result":true},"ignored":{"process_id":"pi","arguments":{}}}}}},
              "r":{"process_id":"multiply","arguments":{"x":{"from_node":"a"},"y":{"from_node":"c"}},"result":true}}}
            """);

        Assert.Empty(errors);
    }

    [Fact]
    public async Task All_problems_are_reported_at_once_with_openeo_codes()
    {
        var errors = await ValidateAsync("""
            {"process_graph":{
              "unknown":{"process_id":"no_such_process","arguments":{}},
              "extra":{"process_id":"absolute","arguments":{"x":1,"y":2}},
              "missing":{"process_id":"add","arguments":{"x":1}},
              "wrong":{"process_id":"absolute","arguments":{"x":"text"}},
              "index":{"process_id":"array_element","arguments":{"data":[1],"index":-1}},
              "notcallback":{"process_id":"absolute","arguments":{"x":{"process_graph":{"p":{"process_id":"pi","arguments":{},"result":true}}}}},
              "dangling":{"process_id":"absolute","arguments":{"x":{"from_node":"nowhere"}},"result":true},
              "second":{"process_id":"absolute","arguments":{"x":1},"result":true},
              "cb":{"process_id":"array_apply","arguments":{"data":[1],"process":{"process_graph":{"inner":{"process_id":"nope","arguments":{}}}}}},
              "remote":{"process_id":"absolute","namespace":"https://example.org/absolute","arguments":{"x":1}}}}
            """);

        string[] Codes(string node) => errors.Where(e => e.Path.Length > 0 && e.Path[0].NodeId == node).Select(e => e.Code).ToArray();
        Assert.Equal(["ProcessUnsupported"], Codes("unknown"));
        Assert.Equal(["ProcessParameterUnsupported"], Codes("extra"));
        Assert.Equal(["ProcessParameterRequired"], Codes("missing"));
        Assert.Equal(["ProcessParameterInvalid"], Codes("wrong"));
        Assert.Equal(["ProcessParameterInvalid"], Codes("index"));
        Assert.Equal(["ProcessParameterInvalid"], Codes("notcallback"));
        Assert.Equal(["ProcessUnsupported"], Codes("inner"));
        Assert.Equal(["ProcessUnsupported"], Codes("remote"));
        Assert.Contains(errors, e => e.Code == "ProcessGraphInvalid" && e.Message.Contains("nowhere"));
        Assert.Contains(errors, e => e.Code == "ProcessGraphInvalid" && e.Message.Contains("2 result nodes"));
        Assert.Contains(errors, e => e.Code == "ProcessGraphInvalid" && e.Message.Contains("no result node"));
        Assert.Contains("'x'", errors.Single(e => e.Path.Length > 0 && e.Path[0].NodeId == "wrong").Message);
        Assert.Equal("x", errors.Single(e => e.Path.Length > 0 && e.Path[0].NodeId == "wrong").Path[0].Parameter);
    }

    [Fact]
    public async Task Cycles_and_duplicate_ids_are_invalid()
    {
        var cycle = await ValidateAsync("""
            {"process_graph":{"a":{"process_id":"absolute","arguments":{"x":{"from_node":"b"}}},"b":{"process_id":"absolute","arguments":{"x":{"from_node":"a"}},"result":true}}}
            """);
        var duplicate = await ValidateAsync("""
            {"process_graph":{"a":{"process_id":"pi","arguments":{}},"a":{"process_id":"pi","arguments":{},"result":true}}}
            """);

        Assert.Contains(cycle, e => e.Code == "ProcessGraphInvalid" && e.Message.Contains("cycle"));
        Assert.Contains(duplicate, e => e.Code == "ProcessGraphInvalid" && e.Message.Contains("several nodes with the id 'a'"));
    }
}
