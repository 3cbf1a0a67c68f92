using OpenEoBridge.Geo.Crs;
using OpenEoBridge.Geo.Tests.Support;

namespace OpenEoBridge.Geo.Tests.Crs;

public class CoordinateTransformerTests
{
    [Fact]
    public void Axis_order_is_always_east_north()
    {
        // EPSG:4326 is latitude-first by authority; our API is longitude-first.
        using var toMercator = new CoordinateTransformer(CoordinateReferenceSystem.Wgs84, CoordinateReferenceSystem.FromEpsg(3857));
        var (x, y) = toMercator.Transform(10, 50);
        Assert.Equal(1113194.9079327357, x, 6);
        Assert.Equal(6446275.841017158, y, 6);

        // EPSG:3035 (LAEA Europe) is northing-first by authority.
        using var toLaea = new CoordinateTransformer(CoordinateReferenceSystem.Wgs84, CoordinateReferenceSystem.FromEpsg(3035));
        var (e, n) = toLaea.Transform(10, 52);
        Assert.Equal(4321000, e, 3);
        Assert.Equal(3210000, n, 0.1);
    }

    [Fact]
    public void Failed_points_become_nan_and_lengths_must_match()
    {
        using var toUtm = new CoordinateTransformer(CoordinateReferenceSystem.Wgs84, CoordinateReferenceSystem.FromEpsg(3857));
        var (x, y) = toUtm.Transform(0, 91);
        Assert.True(double.IsNaN(x) && double.IsNaN(y));
        Assert.Throws<ArgumentException>(() => toUtm.TransformInPlace(new double[2], new double[3]));
    }

    [Fact]
    public void Bounds_are_densified_like_pyproj_transform_bounds()
    {
        var cases = new[]
        {
            (Epsg: 32633, Box: new BoundingBox(300000, 5000000, 700000, 5600000)),
            (Epsg: 3035, Box: new BoundingBox(2500000, 1500000, 6500000, 5500000)),
            (Epsg: 3413, Box: new BoundingBox(-1000000, -1000000, 1000000, 1000000)),
        };
        const string script = """
import json, sys
from pyproj import Transformer
out = []
for c in json.load(sys.stdin):
    t = Transformer.from_crs(f"EPSG:{c['epsg']}", "EPSG:4326", always_xy=True)
    out.append(list(t.transform_bounds(*c["box"], densify_pts=21)))
print(json.dumps(out))
""";
        var expected = Python.RunJson(script, cases.Select(c => new { epsg = c.Epsg, box = c.Box.ToArray() }));
        for (var i = 0; i < cases.Length; i++)
        {
            using var transformer = CoordinateTransformer.ToWgs84(CoordinateReferenceSystem.FromEpsg(cases[i].Epsg));
            var actual = transformer.TransformBounds(cases[i].Box).ToArray();
            var reference = expected[i].EnumerateArray().Select(v => v.GetDouble()).ToArray();
            for (var k = 0; k < 4; k++)
            {
                Assert.True(Math.Abs(actual[k] - reference[k]) < 1e-9, $"EPSG:{cases[i].Epsg} bound {k}: ours {actual[k]} pyproj {reference[k]}");
            }

            // The densified box must hold every transformed point of the source box's edges.
            var (cornerX, cornerY) = transformer.Transform(cases[i].Box.MinX, cases[i].Box.MaxY);
            Assert.True(new BoundingBox(actual[0], actual[1], actual[2], actual[3]).Contains(cornerX, cornerY));
        }
    }

    [Fact]
    public void Bad_boxes_are_refused()
    {
        using var transformer = CoordinateTransformer.ToWgs84(CoordinateReferenceSystem.FromEpsg(32633));
        Assert.Throws<ArgumentException>(() => transformer.TransformBounds(new BoundingBox(10, 0, 0, 10)));
        Assert.Throws<ArgumentException>(() => transformer.TransformBounds(new BoundingBox(double.NaN, 0, 1, 1)));
    }

    [Fact]
    public void Transformer_is_usable_from_several_threads()
    {
        using var transformer = CoordinateTransformer.ToWgs84(CoordinateReferenceSystem.FromEpsg(32633));
        var expected = transformer.Transform(500000, 5000000);
        Parallel.For(0, 200, _ => Assert.Equal(expected, transformer.Transform(500000, 5000000)));
        Assert.Equal(15, expected.X, 9);
        Assert.Equal(45.153477183356, expected.Y, 9);
    }
}
