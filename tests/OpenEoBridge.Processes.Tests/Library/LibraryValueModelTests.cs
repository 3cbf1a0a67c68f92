using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;
using static OpenEoBridge.Processes.Tests.Library.LibraryProcessHarness;

namespace OpenEoBridge.Processes.Tests.Library;

/// <summary>The value-model decisions the official cases leave open: temporal text, labels, numbers, no-data.</summary>
public sealed class LibraryValueModelTests
{
    [Theory]
    [InlineData("2021-03-31T00:00:00.5+02:00", 1, "day", "2021-04-01T00:00:00.5+02:00")]
    [InlineData("2021-03-31T23:30:00-05:30", 1, "hour", "2021-04-01T00:30:00-05:30")]
    [InlineData("2020-01-31", 1, "month", "2020-02-29")]
    [InlineData("2020-01-01", 36, "hour", "2020-01-02")]
    [InlineData("2020-01-01T00:00:00Z", 1, "millisecond", "2020-01-01T00:00:00.001Z")]
    [InlineData("2020-01-01T00:00:00.000000Z", 1500, "millisecond", "2020-01-01T00:00:01.500000Z")]
    [InlineData("2016-12-31T23:59:60Z", 0, "second", "2017-01-01T00:00:00Z")]
    public void Date_shift_keeps_the_form_of_its_input(string date, int value, string unit, string expected)
    {
        var result = Run("date_shift", $$"""{"date": "{{date}}", "value": {{value}}, "unit": "{{unit}}"}""");
        Assert.Equal(expected, Assert.IsType<StringValue>(result).Value);
    }

    [Theory]
    [InlineData("2020-01-15", "2020-03-15", "month", 2)]
    [InlineData("2020-02-01", "2020-02-15T12:00:00Z", "month", 0.5)]
    [InlineData("2020-02-15T12:00:00Z", "2020-02-01", "month", -0.5)]
    [InlineData("2020-01-31", "2020-02-29", "month", 1)]
    [InlineData("2020-02-29", "2021-02-28", "year", 1)]
    [InlineData("2021-01-01", "2021-07-02T12:00:00Z", "year", 0.5)]
    [InlineData("2020-01-01T00:00:00+01:00", "2020-01-01", "hour", 1)]
    public void Date_difference_counts_calendar_units(string date1, string date2, string unit, double expected)
    {
        var result = Run("date_difference", $$"""{"date1": "{{date1}}", "date2": "{{date2}}", "unit": "{{unit}}"}""");
        Assert.Equal(expected, Assert.IsType<NumberValue>(result).Value, 10);
    }

    [Fact]
    public void Date_between_compares_instants_across_offsets()
    {
        var result = Run("date_between", """{"x": "2020-01-01T01:30:00+02:00", "min": "2019-12-31T23:00:00Z", "max": "2020-01-01"}""");
        Assert.Equal(BooleanValue.True, result);
    }

    [Fact]
    public void Sort_moves_labels_with_their_elements_and_keeps_their_types()
    {
        var data = Labeled(("b", 2), (7, 1), ("a", 3));
        var sorted = Assert.IsType<ArrayValue>(RunWith("sort", new() { ["data"] = data }));
        Assert.Equal([1.0, 2.0, 3.0], sorted.Items.Select(v => ((NumberValue)v).Value));
        Assert.Equal(7.0, Assert.IsType<NumberValue>(sorted.Labels[0]).Value);
        Assert.Equal("b", Assert.IsType<StringValue>(sorted.Labels[1]).Value);
    }

    [Fact]
    public void Order_sorts_temporal_strings_by_instant_not_by_text()
    {
        // As text, "2020-01-01T01:00:00+02:00" sorts after "2020-01-01T00:30:00Z", but it is 90 minutes earlier.
        Assert.Equal("[1,0]", RunToJson("order", """{"data": ["2020-01-01T00:30:00Z", "2020-01-01T01:00:00+02:00"]}"""));
    }

    [Fact]
    public void Cumulative_processes_keep_labels()
    {
        var result = Assert.IsType<ArrayValue>(RunWith("cumsum", new() { ["data"] = Labeled(("t1", 1), ("t2", 2)) }));
        Assert.True(result.IsLabeled);
        Assert.Equal("t2", ((StringValue)result.Labels[1]).Value);
        Assert.Equal(3.0, ((NumberValue)result[1]).Value);
    }

    [Theory]
    [InlineData("""{"data": [1, 1.0, 12345678901234567891, 0.1], "separator": ","}""", "1,1,12345678901234567891,0.1")]
    [InlineData("""{"data": [true, null, "x"], "separator": null}""", "truenullnullnullx")]
    public void Text_concat_writes_scalars_as_json_does(string arguments, string expected)
    {
        Assert.Equal(expected, Assert.IsType<StringValue>(Run("text_concat", arguments)).Value);
    }

    [Fact]
    public void Text_find_counts_characters_not_utf16_units()
    {
        Assert.Equal(2.0, Assert.IsType<NumberValue>(Run("text_find", """{"data": "😀aé", "pattern": "é"}""")).Value);
    }

    [Theory]
    [InlineData(2.5, 0, 2)]
    [InlineData(-2.5, 0, -2)]
    [InlineData(1250, -2, 1200)]
    [InlineData(1350, -2, 1400)]
    [InlineData(1.005, 20, 1.005)]
    public void Round_resolves_ties_to_even(double x, int p, double expected)
    {
        Assert.Equal(expected, Assert.IsType<NumberValue>(Run("round", $$"""{"x": {{x}}, "p": {{p}}}""")).Value);
    }

    [Fact]
    public void Array_create_refuses_results_beyond_the_memory_budget()
    {
        var context = new ProcessingContext { Memory = new MemoryBudget(1024) };
        var error = Assert.Throws<OpenEoException>(() => Run("array_create", """{"data": [1, 2], "repeat": 100000}""", context));
        Assert.Equal("ProcessGraphComplexity", error.Code);
        Assert.Equal(0, context.Memory.UsedBytes);
    }

    [Fact]
    public void Declared_exceptions_carry_their_names()
    {
        Assert.Equal("QuantilesParameterMissing", Assert.Throws<ProcessException>(() => Run("quantiles", """{"data": [1]}""")).Code);
        Assert.Equal("QuantilesParameterConflict", Assert.Throws<ProcessException>(() => Run("quantiles", """{"data": [1], "probabilities": 2, "q": 2}""")).Code);
        Assert.Equal("AscendingProbabilitiesRequired", Assert.Throws<ProcessException>(() => Run("quantiles", """{"data": [1], "probabilities": [0.5, 0.1]}""")).Code);
        Assert.Equal("ArrayElementNotAvailable", Assert.Throws<ProcessException>(() => Run("array_modify", """{"data": [], "values": [], "index": 1}""")).Code);
        var conflict = Assert.Throws<ProcessException>(() => RunWith("array_concat", new() { ["array1"] = Labeled(("a", 1)), ["array2"] = Labeled(("a", 2)) }));
        Assert.Equal("ArrayLabelConflict", conflict.Code);
    }

    [Fact]
    public void Inspect_logs_its_data_and_passes_it_on()
    {
        var context = new ProcessingContext();
        var result = Run("inspect", """{"data": [1, 2], "message": "checkpoint", "level": "warning"}""", context);
        Assert.Equal("[1,2]", ValueJson.ToJsonString(result, NonFiniteNumbers.Reject));
        var entry = Assert.Single(context.Log.Entries);
        Assert.Equal(ProcessLogLevel.Warning, entry.Level);
        Assert.Equal("checkpoint", entry.Message);
        Assert.Equal("User", entry.Code);
    }
}
