using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Library.Arithmetic;
using OpenEoBridge.Processes.Library.Arrays;
using OpenEoBridge.Processes.Library.Constants;
using OpenEoBridge.Processes.Library.Cumulative;
using OpenEoBridge.Processes.Library.Dates;
using OpenEoBridge.Processes.Library.Development;
using OpenEoBridge.Processes.Library.Exponential;
using OpenEoBridge.Processes.Library.Ranges;
using OpenEoBridge.Processes.Library.Rounding;
using OpenEoBridge.Processes.Library.Scaling;
using OpenEoBridge.Processes.Library.Statistics;
using OpenEoBridge.Processes.Library.Texts;
using OpenEoBridge.Processes.Library.Trigonometry;
using OpenEoBridge.Processes.Library.Validity;

namespace OpenEoBridge.Processes.Library;

/// <summary>The process library: every scalar, array, text and date process beyond the engine's core set.</summary>
public sealed partial class ProcessCatalogue
{
    static partial void AddLibraryProcesses(ICollection<Process> processes)
    {
        Process[] library =
        [
            // math
            new Sin(), new Cos(), new Tan(), new Arcsin(), new Arccos(), new Arctan(), new Arctan2(),
            new Sinh(), new Cosh(), new Tanh(), new Arsinh(), new Arcosh(), new Artanh(),
            new Int(), new Floor(), new Ceil(), new Round(),
            new Exp(), new Ln(), new Log(), new Sqrt(), new Power(),
            new Mod(), new Sgn(), new Clip(), new LinearScaleRange(), new NormalizedDifference(),
            new E(), new Pi(), new Nan(), new Constant(),
            new Product(), new Variance(), new StandardDeviation(), new Median(), new Extrema(), new Quantiles(),
            new Cumsum(), new Cumproduct(), new Cummin(), new Cummax(),
            // comparison and validity
            new Between(), new IsNan(), new IsNodata(), new IsValid(), new IsInfinite(),
            // arrays
            new ArrayFind(), new ArrayContains(), new ArrayFindLabel(), new ArrayLabels(), new ArrayCreate(), new ArrayCreateLabeled(),
            new ArrayModify(), new ArrayConcat(), new ArrayAppend(), new ArrayFilter(), new First(), new Last(),
            new Order(), new Sort(), new Rearrange(), new ArrayInterpolateLinear(),
            // texts
            new TextBegins(), new TextEnds(), new TextContains(), new TextFind(), new TextConcat(),
            // dates
            new DateShift(), new DateBetween(), new DateDifference(),
            // development
            new Inspect(),
        ];
        foreach (var process in library)
        {
            processes.Add(process);
        }
    }
}
