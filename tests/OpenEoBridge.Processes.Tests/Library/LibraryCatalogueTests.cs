using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Library;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Processes.Tests.Library;

/// <summary>What we describe in <c>openeo-spec/</c> and what evaluates must be the same set, both ways.</summary>
public sealed class LibraryCatalogueTests
{
    private static readonly string SpecFolder = Path.Combine(SharedPaths.RepositoryRoot, "openeo-spec");

    [Fact]
    public void Every_definition_file_belongs_to_a_process_that_evaluates()
    {
        var described = Directory.EnumerateFiles(SpecFolder, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray();
        var offered = ProcessCatalogue.Predefined.Ids.ToArray();
        Assert.Equal(described, offered);
    }

    [Fact]
    public void Every_offered_process_loads_its_embedded_definition()
    {
        foreach (var process in ProcessCatalogue.Predefined.All)
        {
            Assert.Equal(process.Id, process.Definition.Id);
            Assert.Contains(process.Id, ProcessDefinitionStore.EmbeddedIds);
        }
    }

    [Fact]
    public void The_library_offers_every_stable_scalar_array_text_and_date_process()
    {
        // The official stable processes that need no data cube, ML model or UDF (checked by hand against the
        // official folder): all of them must be offered.
        string[] expected =
        [
            "absolute", "add", "all", "and", "any", "arccos", "arcosh", "arcsin", "arctan", "arctan2", "array_append",
            "array_apply", "array_concat", "array_contains", "array_create", "array_element", "array_filter", "array_find",
            "array_interpolate_linear", "array_labels", "arsinh", "artanh", "between", "ceil", "clip", "constant", "cos",
            "cosh", "count", "date_between", "date_shift", "divide", "e", "eq", "exp", "extrema", "first", "floor", "gt",
            "gte", "if", "inspect", "int", "is_nan", "is_nodata", "is_valid", "last", "linear_scale_range", "ln", "log", "lt", "lte",
            "max", "mean", "median", "min", "mod", "multiply", "neq", "normalized_difference", "not", "or", "order", "pi",
            "power", "product", "quantiles", "rearrange", "round", "sd", "sgn", "sin", "sinh", "sort", "sqrt", "subtract",
            "sum", "tan", "tanh", "text_begins", "text_concat", "text_contains", "text_ends", "variance", "xor",
        ];
        var missing = expected.Where(id => ProcessCatalogue.Predefined.Find(id) is null).ToArray();
        Assert.Empty(missing);
    }
}
