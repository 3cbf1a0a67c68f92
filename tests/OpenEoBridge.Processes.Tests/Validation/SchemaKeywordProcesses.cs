using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Evaluation;
using OpenEoBridge.Processes.Library;
using OpenEoBridge.Processes.Resolution;
using OpenEoBridge.Processes.Tests.Evaluation;
using OpenEoBridge.Processes.Validation;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Tests.Validation;

/// <summary>Processes whose schemas use openEO's own keywords, plus a small cube value, for validation tests.</summary>
internal static class SchemaKeywordProcesses
{
    /// <summary>The official subtypes checked, each with a valid and an invalid literal.</summary>
    public static readonly (string Subtype, string Type, string? Valid, string Invalid)[] Subtypes =
    [
        ("date-time", "string", "\"2020-06-01T12:30:00Z\"", "\"2020-06-01 noon\""),
        ("date", "string", "\"2020-06-01\"", "\"01.06.2020\""),
        ("time", "string", "\"12:30:00\"", "\"12h30\""),
        ("year", "integer", "2020", "2020.5"),
        ("duration", "string", "\"P1DT12H\"", "\"1 day\""),
        ("epsg-code", "integer", "32633", "999"),
        ("collection-id", "string", "\"SENTINEL2_L2A\"", "\"bad id!\""),
        ("workspace-id", "string", "\"my-workspace\"", "\"a/b\""),
        ("band-name", "string", "\"B04\"", "4"),
        ("file-path", "string", "\"folder/file.tif\"", "\"C:\\\\file.tif\""),
        ("file-paths", "array", "[\"a.tif\",\"b/c.tif\"]", "[\"ok.tif\",\"bad:name\"]"),
        ("udf-code", "string", "\"import x\\nprint(x)\"", "\"one line\""),
        ("uri", "string", "\"https://example.org/a\"", "\"not a uri\""),
        ("wkt2-definition", "string", "\"GEOGCRS[\\\"WGS 84\\\",DATUM[\\\"World Geodetic System 1984\\\"]]\"", "\"EPSG:4326\""),
        ("bounding-box", "object", "{\"west\":1,\"south\":2,\"east\":3,\"north\":4,\"crs\":32633}", "{\"west\":1,\"south\":2,\"east\":3}"),
        ("temporal-interval", "array", "[\"2020-01-01\",null]", "[null,null]"),
        ("temporal-intervals", "array", "[[\"2020-01-01\",\"2021-01-01\"],[\"12:00:00\",null]]", "[[\"2020-01-01\"]]"),
        ("kernel", "array", "[[1,2],[3,4]]", "[[1,\"2\"]]"),
        ("chunk-size", "object", "{\"dimension\":\"t\",\"value\":\"P1D\"}", "{\"dimension\":\"t\",\"value\":-1}"),
        ("geojson", "object", "{\"type\":\"Point\",\"coordinates\":[1,2]}", "{\"type\":\"GeometryCollection\",\"geometries\":[]}"),
        ("stac", "object", "{\"stac_version\":\"1.0.0\",\"type\":\"Catalog\"}", "{\"type\":\"Catalog\"}"),
        ("labeled-array", "array", "[1,2]", "{\"a\":1}"),
        ("metadata-filter", "object", "{\"eo:cloud_cover\":{\"process_graph\":{\"l\":{\"process_id\":\"lt\",\"arguments\":{\"x\":{\"from_parameter\":\"value\"},\"y\":50},\"result\":true}}}}", "{\"cloud_cover\":12}"),
        ("output-format", "string", "\"GTiff\"", "true"),
        ("process-graph", "object", "{\"process_graph\":{\"p\":{\"process_id\":\"pi\",\"arguments\":{},\"result\":true}}}", "{\"not\":\"a graph\"}"),
        ("datacube", "object", null, "{\"type\":\"datacube\"}"),
        ("raster-cube", "object", null, "{\"type\":\"datacube\"}"),
        ("vector-cube", "object", null, "{}"),
        ("input-format", "string", "\"GeoJSON\"", "1"),
        ("input-format-options", "object", "{\"layer\":1}", "\"layer=1\""),
        ("output-format-options", "object", "{\"tiled\":true}", "[]"),
        ("udf-runtime", "string", "\"Python\"", "null"),
        ("udf-runtime-version", "string", "\"3.11\"", "3.11"),
    ];

    /// <summary>A process with one optional parameter per subtype (named after it).</summary>
    public sealed class TakesSubtypes() : Process(TestProcesses.Definition(
        """{"id":"takes_subtypes","parameters":[PARAMETERS],"returns":{"schema":{}}}""".Replace("PARAMETERS", string.Join(",", Subtypes.Select(s =>
            """{"name":"SUBTYPE","optional":true,"schema":{"type":"TYPE","subtype":"SUBTYPE"}}""".Replace("SUBTYPE", s.Subtype).Replace("TYPE", s.Type))))))
    {
        public override ValueTask<Value> InvokeAsync(ProcessCall call) => ValueTask.FromResult<Value>(Value.NoData);
    }

    /// <summary>Like load_collection's <c>properties</c>: an object of boolean callbacks with the parameter <c>value</c>.</summary>
    public sealed class FilterProperties() : Process(TestProcesses.Definition("""
        {"id":"filter_properties","parameters":[{"name":"properties","schema":{"type":"object","subtype":"metadata-filter",
          "additionalProperties":{"type":"object","subtype":"process-graph","parameters":[{"name":"value","schema":{}}],"returns":{"schema":{"type":"boolean"}}}}}],
         "returns":{"schema":{}}}
        """))
    {
        public override ValueTask<Value> InvokeAsync(ProcessCall call) => ValueTask.FromResult<Value>(Value.NoData);
    }

    /// <summary>Needs a cube with a temporal dimension (aggregate_temporal's schema).</summary>
    public sealed class NeedsTime() : Process(TestProcesses.Definition("""
        {"id":"needs_time","parameters":[{"name":"data","schema":{"type":"object","subtype":"datacube","dimensions":[{"type":"temporal"}]}}],"returns":{"schema":{}}}
        """))
    {
        public override ValueTask<Value> InvokeAsync(ProcessCall call) => ValueTask.FromResult<Value>(Value.String("ok"));
    }

    /// <summary>Needs x and y spatial dimensions and bands (ndvi's schema), or a vector cube (a list of alternatives).</summary>
    public sealed class NeedsRaster() : Process(TestProcesses.Definition("""
        {"id":"needs_raster","parameters":[{"name":"data","schema":[
          {"type":"object","subtype":"datacube","dimensions":[{"type":"spatial","axis":["x","y"]},{"type":"bands"}]},
          {"type":"object","subtype":"datacube","dimensions":[{"type":"geometry"}]}]}],"returns":{"schema":{}}}
        """))
    {
        public override ValueTask<Value> InvokeAsync(ProcessCall call) => ValueTask.FromResult<Value>(Value.String("ok"));
    }

    /// <summary>Makes a <see cref="TestCube"/> from "name:type[:axis]" strings (null = dimensions unknown).</summary>
    public sealed class MakeCube() : Process(TestProcesses.Definition("""
        {"id":"make_cube","parameters":[{"name":"dimensions","schema":[{"type":"array","items":{"type":"string"}},{"type":"null"}]}],"returns":{"schema":{"type":"object","subtype":"datacube"}}}
        """))
    {
        public override ValueTask<Value> InvokeAsync(ProcessCall call) => ValueTask.FromResult<Value>(new TestCube(call.GetArrayOrNull("dimensions")?.Items
            .Select(i => ((StringValue)i).Value.Split(':'))
            .Select(p => new CubeDimension(p[0], p[1], p.Length > 2 ? p[2] : null))
            .ToList()));
    }

    /// <summary>A cube value as the cube engine would pass it: only its dimensions matter here.</summary>
    public sealed class TestCube(IReadOnlyList<CubeDimension>? dimensions) : ExternalValue
    {
        public override string Subtype => "datacube";

        public override IReadOnlyList<CubeDimension>? Dimensions => dimensions;
    }

    public static ProcessResolver Resolver { get; } = new(
        new ProcessCatalogue(ProcessCatalogue.Predefined.All.Concat([new TakesSubtypes(), new FilterProperties(), new NeedsTime(), new NeedsRaster(), new MakeCube()])),
        NoUserProcesses.Instance);

    public static ProcessGraphValidator Validator { get; } = new(Resolver);

    public static Evaluator Evaluator { get; } = new(Resolver);
}
