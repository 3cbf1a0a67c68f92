using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Kernels;
using OpenEoBridge.Processes.Library;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Tests.Contract;

public sealed class ProcessContractTests
{
    [Fact]
    public void Every_registered_process_has_its_embedded_definition()
    {
        Assert.NotEmpty(ProcessCatalogue.Predefined.All);
        Assert.All(ProcessCatalogue.Predefined.All, p => Assert.Equal(p.Id, ProcessDefinitionStore.Get(p.Id).Id));
    }

    [Theory]
    [InlineData("add")]
    [InlineData("subtract")]
    [InlineData("multiply")]
    [InlineData("divide")]
    public async Task Binary_kernels_give_the_same_numbers_as_the_dynamic_path(string id)
    {
        var process = ProcessCatalogue.Predefined.Find(id)!;
        var kernel = Assert.IsAssignableFrom<IBinaryNumberKernel>(process);
        double[] x = [1, -2.5, 0, double.NaN, double.PositiveInfinity, 7, 3, 1e300, -0.0, 5, 6];
        double[] y = [3, 4, 0, 1, 2, -7, 0.5, 1e10, 2, 0, 9];
        var spans = new double[x.Length];

        kernel.Apply(x, y, spans);

        for (var i = 0; i < x.Length; i++)
        {
            var call = ProcessCall.FromValues(process, new ProcessingContext(), new Dictionary<string, Value> { ["x"] = Value.Number(x[i]), ["y"] = Value.Number(y[i]) });
            var scalar = Assert.IsType<NumberValue>(await process.InvokeAsync(call)).Value;
            Assert.Equal(scalar, spans[i]);
        }
    }

    [Theory]
    [InlineData("sum", 10.0)]
    [InlineData("mean", 2.5)]
    [InlineData("min", 1.0)]
    [InlineData("max", 4.0)]
    public void Streaming_reducers_merge_partial_chunks_to_the_whole_result(string id, double expected)
    {
        var kernel = Assert.IsAssignableFrom<IReducerKernel>(ProcessCatalogue.Predefined.Find(id));
        var left = kernel.CreateAccumulator(ignoreNoData: true);
        var right = kernel.CreateAccumulator(ignoreNoData: true);

        left.Accumulate([1, 2, 99], [true, true, false]);
        right.Accumulate([3, 4], [true, true]);
        left.Merge(right);

        Assert.True(kernel.IsStreaming);
        Assert.Equal(expected, left.Finish());
    }

    [Fact]
    public void A_no_data_element_makes_the_result_no_data_when_not_ignored()
    {
        var kernel = Assert.IsAssignableFrom<IReducerKernel>(ProcessCatalogue.Predefined.Find("sum"));
        var accumulator = kernel.CreateAccumulator(ignoreNoData: false);

        accumulator.Accumulate([1, 2], [true, false]);

        Assert.Null(accumulator.Finish());
    }

    [Fact]
    public void Raising_an_undeclared_exception_is_a_programming_error()
    {
        var process = ProcessCatalogue.Predefined.Find("array_element")!;

        Assert.Equal("ArrayNotLabeled", process.Fail("ArrayNotLabeled").Code);
        Assert.Equal(400, process.Fail("ArrayNotLabeled").HttpStatus);
        Assert.Throws<InvalidOperationException>(() => process.Fail("NoSuchException"));
    }
}
