using System.Text.Json;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Graph;
using OpenEoBridge.Processes.Validation;
using OpenEoBridge.Processes.Values;
using static OpenEoBridge.Processes.Tests.Validation.SchemaKeywordProcesses;

namespace OpenEoBridge.Processes.Tests.Validation;

/// <summary>openEO's own schema keywords: <c>subtype</c>, <c>dimensions</c> and a callback schema's <c>parameters</c>/<c>returns</c>.</summary>
public sealed class SchemaKeywordValidationTests
{
    private static async Task<IReadOnlyList<ValidationError>> ValidateAsync(string json)
    {
        using var document = JsonDocument.Parse(json);
        return await Validator.ValidateAsync(document.RootElement, userId: null, CancellationToken.None);
    }

    private static string SubtypeGraph(Func<(string Subtype, string Type, string? Valid, string Invalid), string?> pick) =>
        """{"process_graph":{"t":{"process_id":"takes_subtypes","arguments":{ARGUMENTS},"result":true}}}"""
            .Replace("ARGUMENTS", string.Join(",", Subtypes.Where(s => pick(s) is not null).Select(s => $"\"{s.Subtype}\":{pick(s)}")), StringComparison.Ordinal);

    private static string OneSubtype(string subtype, string value) =>
        """{"process_graph":{"t":{"process_id":"takes_subtypes","arguments":{"SUBTYPE":VALUE},"result":true}}}"""
            .Replace("SUBTYPE", subtype, StringComparison.Ordinal).Replace("VALUE", value, StringComparison.Ordinal);

    [Fact]
    public async Task Valid_values_of_every_subtype_pass()
    {
        var errors = await ValidateAsync(SubtypeGraph(s => s.Valid));

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Invalid_values_of_every_subtype_are_reported_at_once_naming_the_parameter()
    {
        var errors = await ValidateAsync(SubtypeGraph(s => s.Invalid));

        Assert.All(errors, e => Assert.Equal("ProcessParameterInvalid", e.Code));
        Assert.Equal(Subtypes.Select(s => s.Subtype).Order(), errors.Select(e => e.Path[0].Parameter!).Order());
        Assert.All(errors, e => Assert.Contains($"'{e.Path[0].Parameter}'", e.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("temporal-interval", "[\"2020-01-01\"]")]
    [InlineData("temporal-interval", "[\"2020-13\",null]")]
    [InlineData("temporal-interval", "[true,null]")]
    [InlineData("bounding-box", "{\"west\":1,\"south\":2,\"east\":3,\"north\":\"4\"}")]
    [InlineData("bounding-box", "{\"west\":1,\"south\":2,\"east\":3,\"north\":4,\"crs\":\"EPSG:4326\"}")]
    [InlineData("bounding-box", "{\"west\":1,\"south\":2,\"east\":3,\"north\":4,\"base\":\"low\"}")]
    [InlineData("geojson", "{\"type\":\"Polygon\"}")]
    [InlineData("geojson", "{\"type\":\"Feature\"}")]
    [InlineData("geojson", "{\"coordinates\":[1,2]}")]
    [InlineData("metadata-filter", "{\"cloud_cover\":12}")]
    [InlineData("epsg-code", "4326.5")]
    [InlineData("duration", "\"P\"")]
    [InlineData("temporal-intervals", "[]")]
    public async Task Subtype_details_are_checked(string subtype, string value)
    {
        var errors = await ValidateAsync(OneSubtype(subtype, value));

        var error = Assert.Single(errors);
        Assert.Equal("ProcessParameterInvalid", error.Code);
        Assert.Equal(subtype, error.Path[0].Parameter);
    }

    [Theory]
    [InlineData("bounding-box", "{\"west\":1,\"south\":2,\"east\":3,\"north\":4,\"base\":null,\"height\":10,\"crs\":\"PROJCRS[\\\"x\\\"]\"}")]
    [InlineData("bounding-box", "{\"west\":1,\"south\":2,\"east\":3,\"north\":4,\"crs\":null}")]
    [InlineData("temporal-interval", "[null,\"2020-01-01T00:00:00Z\"]")]
    [InlineData("temporal-interval", "[2019,2020]")]
    [InlineData("geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}")]
    [InlineData("geojson", "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{}}")]
    [InlineData("chunk-size", "{\"dimension\":\"x\",\"value\":null}")]
    [InlineData("epsg-code", "4326.0")]
    public async Task Subtype_edge_cases_that_are_valid(string subtype, string value)
    {
        var errors = await ValidateAsync(OneSubtype(subtype, value));

        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_callback_may_read_its_declared_parameters_the_documents_and_those_of_enclosing_callbacks()
    {
        var errors = await ValidateAsync("""
            {"parameters":[{"name":"factor","schema":{"type":"number"}}],
             "process_graph":{
              "top":{"process_id":"multiply","arguments":{"x":{"from_parameter":"threshold"},"y":1}},
              "outer":{"process_id":"array_apply","arguments":{"data":[[1,2],[3]],"context":2,"process":{"process_graph":{
                "inner":{"process_id":"count","arguments":{"data":{"from_parameter":"x"},"condition":{"process_graph":{
                   "a":{"process_id":"multiply","arguments":{"x":{"from_parameter":"x"},"y":{"from_parameter":"factor"}}},
                   "b":{"process_id":"add","arguments":{"x":{"from_node":"a"},"y":{"from_parameter":"index"}}},
                   "c":{"process_id":"add","arguments":{"x":{"from_node":"b"},"y":{"from_parameter":"threshold"}}},
                   "g":{"process_id":"gt","arguments":{"x":{"from_node":"c"},"y":{"from_parameter":"context"}},"result":true}}}},"result":true}}}},"result":true}}}
            """);

        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_callback_reading_a_parameter_nobody_provides_is_invalid_naming_the_callback_parameter()
    {
        var errors = await ValidateAsync("""
            {"process_graph":{
              "apply":{"process_id":"array_apply","arguments":{"data":[1],"process":{"process_graph":{
                "a":{"process_id":"absolute","arguments":{"x":{"from_parameter":"data"}},"result":true}}}}},
              "nested":{"process_id":"array_apply","arguments":{"data":[[1]],"process":{"process_graph":{
                "n":{"process_id":"count","arguments":{"data":{"from_parameter":"x"},"condition":{"process_graph":{
                   "g":{"process_id":"gt","arguments":{"x":{"from_parameter":"x"},"y":{"from_parameter":"limit"}},"result":true}}}},"result":true}}}}},
              "filter":{"process_id":"filter_properties","arguments":{"properties":{"cloud_cover":{"process_graph":{
                "l":{"process_id":"lt","arguments":{"x":{"from_parameter":"x"},"y":50},"result":true}}}}},"result":true}}}
            """);

        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Equal("ProcessParameterInvalid", e.Code));
        var apply = errors.Single(e => e.Path[0].NodeId == "apply");
        Assert.Equal("process", apply.Path[0].Parameter);
        Assert.Contains("'data'", apply.Message, StringComparison.Ordinal);
        Assert.Contains("context, index, label, x", apply.Message, StringComparison.Ordinal);
        var nested = errors.Single(e => e.Path[0].NodeId == "n");
        Assert.Equal("condition", nested.Path[0].Parameter);
        Assert.Contains("'limit'", nested.Message, StringComparison.Ordinal);
        var filter = errors.Single(e => e.Path[0].NodeId == "filter");
        Assert.Equal("properties", filter.Path[0].Parameter);
        Assert.Contains("'x'", filter.Message, StringComparison.Ordinal);
        Assert.Contains("value", filter.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_callback_whose_result_type_cannot_match_the_returns_schema_is_invalid()
    {
        var errors = await ValidateAsync("""
            {"process_graph":{
              "number":{"process_id":"array_filter","arguments":{"data":[1],"condition":{"process_graph":{
                "a":{"process_id":"add","arguments":{"x":{"from_parameter":"x"},"y":1},"result":true}}}}},
              "fine":{"process_id":"array_filter","arguments":{"data":[1],"condition":{"process_graph":{
                "g":{"process_id":"gt","arguments":{"x":{"from_parameter":"x"},"y":1},"result":true}}}}},
              "unknown":{"process_id":"array_filter","arguments":{"data":[1],"condition":{"process_graph":{
                "i":{"process_id":"if","arguments":{"value":true,"accept":1},"result":true}}}}},
              "filter":{"process_id":"filter_properties","arguments":{"properties":{"p":{"process_graph":{
                "t":{"process_id":"text_concat","arguments":{"data":["a"]},"result":true}}}}},"result":true}}}
            """);

        Assert.Equal(["filter", "number"], errors.Select(e => e.Path[0].NodeId).Order());
        Assert.All(errors, e => Assert.Equal("ProcessParameterInvalid", e.Code));
        Assert.Contains("must return boolean", errors.Single(e => e.Path[0].NodeId == "number").Message, StringComparison.Ordinal);
        Assert.Contains("'add'", errors.Single(e => e.Path[0].NodeId == "number").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_keyword_problems_come_in_one_report_with_structural_ones()
    {
        var errors = await ValidateAsync("""
            {"process_graph":{
              "t":{"process_id":"takes_subtypes","arguments":{"date":"yesterday","epsg-code":12}},
              "apply":{"process_id":"array_apply","arguments":{"data":[1],"process":{"process_graph":{
                "a":{"process_id":"absolute","arguments":{"x":{"from_parameter":"y"}},"result":true}}}}},
              "r":{"process_id":"absolute","arguments":{"x":{"from_node":"missing"}},"result":true}}}
            """);

        Assert.Equal(["ProcessGraphInvalid", "ProcessParameterInvalid", "ProcessParameterInvalid", "ProcessParameterInvalid"], errors.Select(e => e.Code).Order());
    }

    [Fact]
    public async Task Cube_dimensions_are_checked_when_the_cube_is_bound()
    {
        var ok = await RunAsync("""["t:temporal","x:spatial:x","y:spatial:y"]""", "needs_time");
        var unknown = await RunAsync("null", "needs_time");
        var raster = await RunAsync("""["x:spatial:x","y:spatial:y","bands:bands"]""", "needs_raster");
        var vector = await RunAsync("""["geometry:geometry"]""", "needs_raster");

        Assert.Equal("ok", Assert.IsType<StringValue>(ok).Value);
        Assert.Equal("ok", Assert.IsType<StringValue>(unknown).Value);
        Assert.Equal("ok", Assert.IsType<StringValue>(raster).Value);
        Assert.Equal("ok", Assert.IsType<StringValue>(vector).Value);
    }

    [Fact]
    public async Task A_cube_without_the_required_dimensions_fails_naming_the_parameter_and_what_is_missing()
    {
        var time = await Assert.ThrowsAsync<OpenEoException>(() => RunAsync("""["x:spatial:x","y:spatial:y"]""", "needs_time"));
        var raster = await Assert.ThrowsAsync<OpenEoException>(() => RunAsync("""["x:spatial:x","t:temporal"]""", "needs_raster"));

        Assert.Equal("ProcessParameterInvalid", time.Code);
        Assert.Contains("'data'", time.Message, StringComparison.Ordinal);
        Assert.Contains("a temporal dimension", time.Message, StringComparison.Ordinal);
        Assert.Contains("x (spatial x), y (spatial y)", time.Message, StringComparison.Ordinal);
        Assert.Equal(("n", "data"), (time.Path[0].NodeId, time.Path[0].Parameter));
        Assert.Equal("ProcessParameterInvalid", raster.Code);
        Assert.Contains("geometry", raster.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dimension_check_lists_everything_missing_at_once()
    {
        using var schema = JsonDocument.Parse("""{"type":"object","subtype":"datacube","dimensions":[{"type":"spatial","axis":["x","y"]},{"type":"bands"},{"type":"temporal"}]}""");

        var reason = SchemaMatcher.Mismatch(schema.RootElement, new TestCube([new CubeDimension("x", "spatial", "x")]));

        Assert.Equal("expected a datacube with a spatial dimension for the axis y and a bands dimension and a temporal dimension, got dimensions: x (spatial x)", reason);
    }

    private static async Task<Value> RunAsync(string dimensions, string process)
    {
        var document = ProcessGraphReader.ParseDocument("""
            {"process_graph":{"c":{"process_id":"make_cube","arguments":{"dimensions":DIMENSIONS}},
              "n":{"process_id":"PROCESS","arguments":{"data":{"from_node":"c"}},"result":true}}}
            """.Replace("DIMENSIONS", dimensions, StringComparison.Ordinal).Replace("PROCESS", process, StringComparison.Ordinal));
        return (await Evaluator.EvaluateAsync(document, new ProcessingContext())).Result;
    }
}
